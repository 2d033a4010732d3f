package org.mieruka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.calendar.CityCalendar;
import org.mieruka.schemas.deadletter.DeadLetter;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.metric.EmployeeDay;
import org.mieruka.schemas.metric.EventCredit;
import org.mieruka.schemas.metric.WorkCase;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.reference.DutyType;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.source.AttributeAllowList;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.streams.privacy.PrivacyTopology;
import org.mieruka.streams.privacy.PseudonymKeys;
import org.mieruka.streams.workload.WorkRules;

/**
 * The rules of metrics.md §0–§3 through the whole topology (privacy stage, case stage, workload
 * stage), one named test per rule, on hand-computable days. Times are Tokyo local time.
 */
class MetricsTopologyTest {

    private static final String PREFIX = "t.";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String KEY = Base64.getEncoder().encodeToString("a-key-of-thirty-two-bytes-length".getBytes());
    private static final long MIN = 60_000L;
    /** The sources of these tests; none allows an attribute beyond those the contract defines. */
    private static final AttributeAllowList SOURCES = new AttributeAllowList(Map.of("docs-m365", Set.of(),
            "teams", Set.of(), "workmode", Set.of(), "approval-sys", Set.of(), "ad", Set.of()));

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestInputTopic<byte[], byte[]> directory;
    private TestOutputTopic<String, EventCredit> creditsOut;
    private TestOutputTopic<String, EmployeeDay> daysOut;
    private TestOutputTopic<String, WorkCase> casesOut;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private final Map<String, EventCredit> credits = new LinkedHashMap<>();
    private final Map<String, EmployeeDay> days = new LinkedHashMap<>();
    private final Map<String, WorkCase> cases = new LinkedHashMap<>();
    private PseudonymKeys keys;
    private SimpleMeterRegistry registry;
    private int sequence;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path stateDir;

    @BeforeEach
    void start() {
        driver = driver("metrics-test", Instant.now());
        raw = driver.createInputTopic(TopicCatalog.RAW_EVENTS.name(PREFIX), new ByteArraySerializer(),
                new ByteArraySerializer());
        directory = driver.createInputTopic(TopicCatalog.DIRECTORY.name(PREFIX), new ByteArraySerializer(),
                new ByteArraySerializer());
        creditsOut = driver.createOutputTopic(TopicCatalog.EVENT_CREDITS.name(PREFIX), new StringDeserializer(),
                Serdes.eventCredit().deserializer());
        daysOut = driver.createOutputTopic(TopicCatalog.EMPLOYEE_DAYS.name(PREFIX), new StringDeserializer(),
                Serdes.employeeDay().deserializer());
        casesOut = driver.createOutputTopic(TopicCatalog.CASES.name(PREFIX), new StringDeserializer(),
                Serdes.workCase().deserializer());
        deadLetters = driver.createOutputTopic(TopicCatalog.DEAD_LETTER.name(PREFIX), new StringDeserializer(),
                Serdes.deadLetter().deserializer());
    }

    /** The whole topology with its own state, its wall clock starting at {@code wallClock}. */
    private TopologyTestDriver driver(String applicationId, Instant wallClock) {
        List<String> problems = new ArrayList<>();
        keys = PseudonymKeys.parse("k1=" + KEY, "", problems);
        assertThat(problems).isEmpty();
        registry = new SimpleMeterRegistry();
        StreamsBuilder builder = new StreamsBuilder();
        PrivacyTopology.build(builder, PREFIX, keys, SOURCES, TOKYO, Duration.ofDays(14), registry);
        WorkRules rules = new WorkRules(TOKYO, Duration.ofMinutes(15), Duration.ofMinutes(5), LocalTime.of(8, 30),
                LocalTime.of(17, 15), CityCalendar.standard()::isWorkingDay);
        MetricsTopology.build(builder, PREFIX, rules, Duration.ofDays(30), registry);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(applicationId).toString());
        return new TopologyTestDriver(builder.build(), props, wallClock);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    // ---- building and sending events --------------------------------------------------------

    private static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
    }

    private WorkEvent.Builder doc(String employee, String localDateTime) {
        return WorkEvent.newBuilder().setEventId("e" + (++sequence)).setSourceSystem("docs-m365")
                .setKind(EventKind.DOCUMENT).setAction("edited").setOccurredAt(at(localDateTime))
                .setEmployee(employee).setObjectId("doc-" + sequence).setProcessCode("P-ZEIMU-01")
                .setChannel(Channel.ELECTRONIC).setLocation(Location.OFFICE);
    }

    private WorkEvent.Builder meeting(String employee, String localDateTime, long minutes) {
        return WorkEvent.newBuilder().setEventId("m" + (++sequence)).setSourceSystem("teams")
                .setKind(EventKind.MEETING).setAction("attended").setOccurredAt(at(localDateTime))
                .setEmployee(employee).setObjectId("meeting-" + sequence).setDurationMs(minutes * MIN)
                .setChannel(Channel.ONLINE);
    }

    private WorkEvent.Builder report(String employee, String date, Location location, String reportedAt) {
        return WorkEvent.newBuilder().setEventId("r" + (++sequence)).setSourceSystem("workmode")
                .setKind(EventKind.WORK_MODE).setAction("reported").setOccurredAt(at(reportedAt))
                .setEmployee(employee).setLocation(location).setAttributes(new HashMap<>(Map.of("date", date)));
    }

    private WorkEvent.Builder step(String employee, String caseId, String action, String step, String localDateTime) {
        Map<String, String> attributes = new HashMap<>();
        if (step != null) {
            attributes.put("step", step);
        }
        return WorkEvent.newBuilder().setEventId("w" + (++sequence)).setSourceSystem("approval-sys")
                .setKind(EventKind.WORKFLOW).setAction(action).setOccurredAt(at(localDateTime)).setEmployee(employee)
                .setObjectId(caseId).setAttributes(attributes).setChannel(Channel.ELECTRONIC);
    }

    private WorkEvent send(WorkEvent.Builder builder) {
        WorkEvent event = builder.build();
        raw.pipeInput(new TestRecord<>((event.getSourceSystem() + "/" + event.getEventId()).getBytes(),
                Serdes.workEvent().encode(event)));
        drain();
        return event;
    }

    private void assign(String employee, String unit, String validFrom) {
        DirectoryEntry row = DirectoryEntry.newBuilder().setEmployee(employee).setOrgUnit(unit).setJobClass("主事")
                .setDutyType(DutyType.INTERNAL).setFte(1.0).setValidFrom(LocalDate.parse(validFrom)).build();
        directory.pipeInput(new TestRecord<>((employee + "/" + validFrom).getBytes(),
                Serdes.directoryEntry().encode(row)));
        drain();
    }

    /** Keeps the newest record per key, checking versions only ever increase for a key. */
    private void drain() {
        for (TestRecord<String, EventCredit> r : creditsOut.readRecordsToList()) {
            EventCredit previous = credits.put(r.key(), r.value());
            assertThat(previous == null || previous.getVersion() < r.value().getVersion()).as(r.key()).isTrue();
        }
        for (TestRecord<String, EmployeeDay> r : daysOut.readRecordsToList()) {
            EmployeeDay previous = days.put(r.key(), r.value());
            assertThat(previous == null || previous.getVersion() < r.value().getVersion()).as(r.key()).isTrue();
        }
        for (TestRecord<String, WorkCase> r : casesOut.readRecordsToList()) {
            WorkCase previous = cases.put(r.key(), r.value());
            assertThat(previous == null || previous.getVersion() < r.value().getVersion()).as(r.key()).isTrue();
        }
    }

    private EventCredit credit(WorkEvent event) {
        return credits.get(event.getSourceSystem() + "/" + event.getEventId());
    }

    private EmployeeDay day(String employee, String date) {
        return days.get(keys.pseudonym(employee) + "/" + date);
    }

    // ---- §1 work time credit ----------------------------------------------------------------

    @Test
    void shouldCreditAnEventUpToTheNextOneWhenItComesWithinTheGap() {
        WorkEvent first = send(doc("E1", "2026-04-06T09:00"));
        send(doc("E1", "2026-04-06T09:15")); // exactly activity.gap later: still "at most"

        assertThat(credit(first).getCreditMs()).isEqualTo(15 * MIN);
        assertThat(credit(first).getCreditedTo()).isEqualTo(at("2026-04-06T09:15"));
    }

    @Test
    void shouldCreditTheTailWhenTheNextEventIsBeyondTheGap() {
        WorkEvent first = send(doc("E1", "2026-04-06T09:00"));
        WorkEvent second = send(doc("E1", "2026-04-06T09:15:00.001"));
        WorkEvent logoff = send(WorkEvent.newBuilder().setEventId("off").setSourceSystem("ad").setKind(EventKind.PRESENCE)
                .setAction("logoff").setOccurredAt(at("2026-04-06T09:40")).setEmployee("E1"));

        assertThat(credit(first).getCreditMs()).isEqualTo(5 * MIN);
        assertThat(credit(second).getCreditMs()).isEqualTo(5 * MIN);
        assertThat(credit(logoff).getCreditMs()).isZero();
        assertThat(day("E1", "2026-04-06").getActiveMs()).isEqualTo(10 * MIN);
    }

    @Test
    void shouldCreditOverlappingMeetingTimeOnceToTheMeetingThatStartedFirst() {
        WorkEvent held = send(meeting("E1", "2026-04-06T10:00", 60).setAction("held"));
        WorkEvent attended = send(meeting("E1", "2026-04-06T10:30", 60).setChannel(Channel.IN_PERSON));
        WorkEvent during = send(doc("E1", "2026-04-06T10:40"));
        WorkEvent after = send(doc("E1", "2026-04-06T11:25"));

        assertThat(credit(held).getCreditMs()).isEqualTo(60 * MIN);
        assertThat(credit(attended).getCreditMs()).isEqualTo(30 * MIN);
        assertThat(credit(during).getCreditMs()).as("10:40–10:55 lies inside the meetings").isZero();
        assertThat(credit(after).getCreditMs()).as("11:25–11:30 is meeting, 11:30 on is its own").isEqualTo(0);
        EmployeeDay day = day("E1", "2026-04-06");
        assertThat(day.getMeetingMs()).isEqualTo(90 * MIN);
        assertThat(day.getOnlineMeetingMs()).isEqualTo(60 * MIN);
        assertThat(day.getActiveMs()).isEqualTo(90 * MIN);
    }

    @Test
    void shouldCountTheCreditOutsideWorkingHoursAsAfterHoursAndAllOfItOnAHoliday() {
        WorkEvent early = send(doc("E1", "2026-04-06T08:20")); // tail 08:20–08:25: before 08:30
        WorkEvent straddling = send(doc("E1", "2026-04-06T17:12")); // tail 17:12–17:17: 2 min after 17:15
        WorkEvent inside = send(doc("E1", "2026-04-06T17:05")); // 17:05–17:12, inside
        WorkEvent holiday = send(doc("E1", "2026-04-29T10:00")); // 昭和の日, a Wednesday

        assertThat(credit(early).getAfterHoursMs()).isEqualTo(5 * MIN);
        assertThat(credit(inside).getAfterHoursMs()).isZero();
        assertThat(credit(inside).getCreditMs()).isEqualTo(7 * MIN);
        assertThat(credit(straddling).getAfterHoursMs()).isEqualTo(2 * MIN);
        assertThat(credit(holiday).getAfterHoursMs()).isEqualTo(5 * MIN);
        assertThat(day("E1", "2026-04-06").getAfterHoursMs()).isEqualTo(7 * MIN);
    }

    @Test
    void shouldFollowTheCitysCalendarEntriesOverTheWeeklyAndNationalRules() {
        TestInputTopic<byte[], byte[]> calendar = driver.createInputTopic(TopicCatalog.CALENDAR.name(PREFIX),
                new ByteArraySerializer(), new ByteArraySerializer());
        calendar.pipeInput("2026-04-08".getBytes(), Serdes.calendarDay().encode(org.mieruka.schemas.reference.CalendarDay
                .newBuilder().setDate(LocalDate.parse("2026-04-08")).setNonWorking(true)
                .setDayType(org.mieruka.schemas.reference.DayType.CITY_CLOSING).setNameJa("臨時閉庁").setNameEn("Closed")
                .build()));
        calendar.pipeInput("2026-04-11".getBytes(), Serdes.calendarDay().encode(org.mieruka.schemas.reference.CalendarDay
                .newBuilder().setDate(LocalDate.parse("2026-04-11")).setNonWorking(false)
                .setDayType(org.mieruka.schemas.reference.DayType.WORKING_EXCEPTION).setNameJa("土曜開庁")
                .setNameEn("Saturday opening").build()));

        WorkEvent closedWednesday = send(doc("E1", "2026-04-08T10:00"));
        WorkEvent openSaturday = send(doc("E1", "2026-04-11T10:00"));
        WorkEvent plainSunday = send(doc("E1", "2026-04-12T10:00"));

        assertThat(credit(closedWednesday).getAfterHoursMs()).isEqualTo(5 * MIN);
        assertThat(credit(openSaturday).getAfterHoursMs()).isZero();
        assertThat(credit(plainSunday).getAfterHoursMs()).isEqualTo(5 * MIN);
    }

    @Test
    void shouldGiveTheWholeCreditToTheDateOfOccurredAtAcrossMidnight() {
        WorkEvent late = send(doc("E1", "2026-04-06T23:58"));
        WorkEvent next = send(doc("E1", "2026-04-07T00:06"));

        assertThat(credit(late).getCreditMs()).isEqualTo(8 * MIN);
        assertThat(credit(late).getEventDate()).isEqualTo(LocalDate.parse("2026-04-06"));
        assertThat(day("E1", "2026-04-06").getActiveMs()).isEqualTo(8 * MIN);
        assertThat(day("E1", "2026-04-06").getSpanMs()).isEqualTo(8 * MIN);
        assertThat(credit(next).getEventDate()).isEqualTo(LocalDate.parse("2026-04-07"));
    }

    @Test
    void shouldTakeTheTimeOfAMeetingRunningPastMidnightFromTheNextDaysEventsWhateverTheArrivalOrder() {
        WorkEvent after = send(doc("E1", "2026-04-07T00:10")); // tail 00:10–00:15
        long before = credit(after).getVersion();
        assertThat(credit(after).getCreditMs()).isEqualTo(5 * MIN);

        send(meeting("E1", "2026-04-06T23:30", 48)); // until 00:18 on the next date

        assertThat(credit(after).getCreditMs()).isZero();
        assertThat(credit(after).getVersion()).isGreaterThan(before);
        assertThat(day("E1", "2026-04-06").getMeetingMs()).isEqualTo(48 * MIN);
    }

    @Test
    void shouldAttributeCreditToTheEventsOwnUnitAndCountWhenItDiffersFromTheDirectory() {
        assign("E1", "SHIMIN", "2026-04-01");
        WorkEvent own = send(doc("E1", "2026-04-06T09:00").setOrgUnit("ZEIMU"));
        WorkEvent plain = send(doc("E1", "2026-04-06T09:30"));
        WorkEvent noProcess = send(doc("E1", "2026-04-06T10:00").setProcessCode(null).setChannel(null));

        assertThat(credit(own).getOrgUnit()).isEqualTo("ZEIMU");
        assertThat(credit(own).getUnitDiffersFromDirectory()).isTrue();
        assertThat(credit(own).getDayOrgUnit()).isEqualTo("SHIMIN");
        assertThat(credit(plain).getOrgUnit()).isEqualTo("SHIMIN");
        assertThat(credit(plain).getUnitDiffersFromDirectory()).isFalse();
        assertThat(credit(noProcess).getProcessCode()).isEqualTo("UNASSIGNED");
        assertThat(credit(noProcess).getChannel()).isEqualTo("UNASSIGNED");
    }

    @Test
    void shouldEnrichCreditsFromTheCatalogsAndMarkCodesTheyDoNotKnow() {
        TestInputTopic<byte[], byte[]> processes = driver.createInputTopic(TopicCatalog.PROCESSES.name(PREFIX),
                new ByteArraySerializer(), new ByteArraySerializer());
        TestInputTopic<byte[], byte[]> units = driver.createInputTopic(TopicCatalog.ORG_UNITS.name(PREFIX),
                new ByteArraySerializer(), new ByteArraySerializer());
        processes.pipeInput("P-JUMIN-01".getBytes(), Serdes.processDefinition().encode(
                org.mieruka.schemas.reference.ProcessDefinition.newBuilder().setProcessCode("P-JUMIN-01")
                        .setNameJa("転入届").setNameEn("Moving-in notification").setCategory("住民記録")
                        .setSteps(List.of(org.mieruka.schemas.reference.ProcessStep.newBuilder().setCode("RECEIVE")
                                .setNameJa("受付").setNameEn("Receive").build()))
                        .setTeleworkEligibility(org.mieruka.schemas.reference.TeleworkEligibility.PARTIAL)
                        .setPersonalDataLevel(org.mieruka.schemas.reference.PersonalDataLevel.MY_NUMBER).build()));
        units.pipeInput("SHIMIN".getBytes(), Serdes.orgUnit().encode(org.mieruka.schemas.reference.OrgUnit.newBuilder()
                .setCode("SHIMIN").setNameJa("市民課").setNameEn("Citizens Division").build()));

        WorkEvent known = send(step("E1", "c-9", "step_completed", "RECEIVE", "2026-04-06T09:00")
                .setProcessCode("P-JUMIN-01").setOrgUnit("SHIMIN"));
        WorkEvent unknownStep = send(step("E1", "c-9", "step_completed", "STAMP", "2026-04-06T09:30")
                .setProcessCode("P-JUMIN-01").setOrgUnit("SHIMIN"));
        WorkEvent unknown = send(doc("E1", "2026-04-06T10:00").setProcessCode("P-NEW-99").setOrgUnit("NEW-UNIT"));

        assertThat(credit(known).getProcessCatalogued()).isTrue();
        assertThat(credit(known).getProcessCategory()).isEqualTo("住民記録");
        assertThat(credit(known).getTeleworkEligibility()).isEqualTo("PARTIAL");
        assertThat(credit(known).getPersonalDataLevel()).isEqualTo("MY_NUMBER");
        assertThat(credit(known).getOrgUnitCatalogued()).isTrue();
        assertThat(credit(known).getStepCatalogued()).isTrue();
        assertThat(credit(unknownStep).getStepCatalogued()).isFalse();
        assertThat(credit(unknown).getProcessCode()).isEqualTo("P-NEW-99");
        assertThat(credit(unknown).getProcessCatalogued()).isFalse();
        assertThat(credit(unknown).getOrgUnitCatalogued()).isFalse();
        assertThat(credit(unknown).getStepCatalogued()).isNull();
        assertThat(registry.find("mieruka.streams.workload.uncatalogued").tag("dimension", "process").counter()
                .count()).isEqualTo(1);
        assertThat(registry.find("mieruka.streams.workload.uncatalogued").tag("dimension", "step").counter()
                .count()).isEqualTo(1);
        assertThat(registry.find("mieruka.streams.workload.uncatalogued").tag("dimension", "org_unit").counter()
                .count()).isEqualTo(1);
    }

    // ---- §2 employee-days ---------------------------------------------------------------------

    @Test
    void shouldTakeTheWorkModeFromTheLatestReportOverTheEventsAndCountTheConflict() {
        send(doc("E1", "2026-04-06T09:00"));
        send(doc("E1", "2026-04-06T09:30"));
        send(report("E1", "2026-04-06", Location.SATELLITE, "2026-04-06T18:00"));
        send(report("E1", "2026-04-06", Location.HOME, "2026-04-06T19:00"));
        send(report("E1", "2026-04-06", Location.SATELLITE, "2026-04-06T17:30")); // earlier report, arrives last
        send(report("E1", "2026-04-06", Location.UNKNOWN, "2026-04-06T20:00")); // ignored

        EmployeeDay day = day("E1", "2026-04-06");
        assertThat(day.getWorkMode()).isEqualTo("HOME");
        assertThat(day.getWorkModeSource()).isEqualTo("REPORT");
        assertThat(day.getReportConflict()).isTrue();
        assertThat(credits.values()).allSatisfy(c -> assertThat(c.getWorkMode()).isEqualTo("HOME"));
    }

    @Test
    void shouldFallBackToTheMajorityLocationWithTiesInTheContractsOrderThenUnknown() {
        send(doc("E1", "2026-04-06T09:00").setLocation(Location.HOME));
        send(doc("E1", "2026-04-06T09:30").setLocation(Location.SATELLITE));
        send(doc("E1", "2026-04-06T10:00").setLocation(Location.UNKNOWN));
        send(doc("E2", "2026-04-06T09:00").setLocation(null));
        send(doc("E3", "2026-04-06T09:00").setLocation(Location.FIELD));
        send(doc("E3", "2026-04-06T09:10").setLocation(Location.FIELD));
        send(doc("E3", "2026-04-06T09:20").setLocation(Location.OFFICE));

        assertThat(day("E1", "2026-04-06").getWorkMode()).as("HOME ties SATELLITE; HOME comes first").isEqualTo("HOME");
        assertThat(day("E1", "2026-04-06").getWorkModeSource()).isEqualTo("EVENTS");
        assertThat(day("E2", "2026-04-06").getWorkMode()).isEqualTo("UNKNOWN");
        assertThat(day("E2", "2026-04-06").getWorkModeSource()).isEqualTo("NONE");
        assertThat(day("E3", "2026-04-06").getWorkMode()).isEqualTo("FIELD");
        assertThat(day("E3", "2026-04-06").getReportConflict()).isFalse();
    }

    @Test
    void shouldPlaceEachDayInTheUnitTheDirectoryGivesOnThatDateAndFollowALateDirectoryChange() {
        assign("E1", "SHIMIN", "2026-04-01");
        assign("E1", "ZEIMU", "2026-04-08");
        send(doc("E1", "2026-04-06T09:00"));
        send(doc("E1", "2026-04-07T09:00"));
        send(doc("E1", "2026-04-09T09:00"));
        assertThat(day("E1", "2026-04-06").getOrgUnit()).isEqualTo("SHIMIN");
        assertThat(day("E1", "2026-04-09").getOrgUnit()).isEqualTo("ZEIMU");
        long before = day("E1", "2026-04-06").getVersion();

        assign("E1", "KIKAKU", "2026-04-07"); // a transfer entered afterwards

        assertThat(day("E1", "2026-04-06").getOrgUnit()).isEqualTo("SHIMIN");
        assertThat(day("E1", "2026-04-06").getVersion()).isEqualTo(before);
        assertThat(day("E1", "2026-04-07").getOrgUnit()).isEqualTo("KIKAKU");
        assertThat(day("E1", "2026-04-09").getOrgUnit()).isEqualTo("ZEIMU");
        assertThat(day("E1", "2026-04-07").getFte()).isEqualTo(1.0);
    }

    @Test
    void shouldLeaveAnEmployeeUnknownToTheDirectoryUnassignedWithNoFte() {
        send(doc("E9", "2026-04-06T09:00"));

        assertThat(day("E9", "2026-04-06").getOrgUnit()).isEqualTo("UNASSIGNED");
        assertThat(day("E9", "2026-04-06").getFte()).isZero();
    }

    // ---- §0 lateness, duplicates, privacy -----------------------------------------------------

    @Test
    void shouldUpdateThePredecessorsCreditWithAHigherVersionWhenAnEventArrivesLateWithinTheGrace() {
        WorkEvent first = send(doc("E1", "2026-04-06T09:00"));
        send(doc("E1", "2026-04-10T09:00"));
        long version = credit(first).getVersion();
        assertThat(credit(first).getCreditMs()).isEqualTo(5 * MIN);

        WorkEvent late = send(doc("E1", "2026-04-06T09:08"));

        assertThat(credit(first).getCreditMs()).isEqualTo(8 * MIN);
        assertThat(credit(first).getVersion()).isGreaterThan(version);
        assertThat(credit(late).getCreditMs()).isEqualTo(5 * MIN);
        assertThat(day("E1", "2026-04-06").getActivityEvents()).isEqualTo(2);
    }

    @Test
    void shouldDeadLetterAnEventBeyondTheGraceAndLeaveTheFiguresAsTheyWere() {
        WorkEvent first = send(doc("E1", "2026-04-06T09:00"));
        send(doc("E1", "2026-04-22T09:00")); // stream time past 04-07 00:00 + 14 days
        EventCredit before = credit(first);

        WorkEvent late = send(doc("E1", "2026-04-06T09:08"));

        assertThat(credit(late)).isNull();
        assertThat(credit(first)).isEqualTo(before);
        assertThat(deadLetters.readValuesToList()).extracting(DeadLetter::getReason).containsExactly(RejectionReason.LATE);
    }

    @Test
    void shouldCountADuplicateEventOnce() {
        WorkEvent event = send(doc("E1", "2026-04-06T09:00"));
        raw.pipeInput(new TestRecord<>("docs-m365/again".getBytes(), Serdes.workEvent().encode(event)));
        drain();

        assertThat(credits).hasSize(1);
        assertThat(day("E1", "2026-04-06").getActivityEvents()).isEqualTo(1);
        assertThat(day("E1", "2026-04-06").getActiveMs()).isEqualTo(5 * MIN);
    }

    @Test
    void shouldRefuseAnEventCarryingAnIndividualNumberWithAValidCheckDigitAndCreditOneWithAnInvalidOne() {
        String valid = "12345678901" + checkDigit("12345678901");
        String invalid = "12345678901" + ((checkDigit("12345678901") + 1) % 10);
        WorkEvent refused = send(doc("E1", "2026-04-06T09:00").setAttributes(new HashMap<>(Map.of("memo", "個人番号" + valid))));
        WorkEvent kept = send(doc("E1", "2026-04-06T10:00").setAttributes(new HashMap<>(Map.of("memo", "番号" + invalid))));

        assertThat(credit(refused)).isNull();
        assertThat(credit(kept)).isNotNull();
        List<DeadLetter> refusals = deadLetters.readValuesToList();
        assertThat(refusals).extracting(DeadLetter::getReason).containsExactly(RejectionReason.MY_NUMBER);
        assertThat(refusals.get(0).getPayloadWithheld()).isTrue();
        assertThat(refusals.get(0).toString()).doesNotContain(valid);
    }

    /** The check digit of metrics.md: Pn the n-th of the 11 digits from the right, Qn = n+1 (n ≤ 6), n−5 after. */
    private static int checkDigit(String elevenDigits) {
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = elevenDigits.charAt(11 - n) - '0';
            sum += p * (n <= 6 ? n + 1 : n - 5);
        }
        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }

    @Test
    void shouldForgetDaysPastTheRetentionSoAReportForThemChangesNothing() {
        send(doc("E1", "2026-01-06T09:00"));
        send(doc("E1", "2026-01-20T09:00"));
        send(doc("E1", "2026-02-10T09:00")); // 35 days after 01-06: that day is past the 30-day retention
        driver.advanceWallClockTime(Duration.ofHours(1));
        EmployeeDay forgotten = day("E1", "2026-01-06");
        EmployeeDay kept = day("E1", "2026-01-20");

        send(report("E1", "2026-01-06", Location.HOME, "2026-02-10T10:00"));
        send(report("E1", "2026-01-20", Location.HOME, "2026-02-10T10:00"));

        assertThat(day("E1", "2026-01-06")).isEqualTo(forgotten);
        assertThat(day("E1", "2026-01-20").getWorkMode()).isEqualTo("HOME");
        assertThat(day("E1", "2026-01-20").getVersion()).isGreaterThan(kept.getVersion());
    }

    @Test
    void shouldVersionAReprocessingFromScratchAboveEverythingTheEarlierRunWrote() {
        WorkEvent event = send(doc("E1", "2026-04-06T09:00"));
        send(doc("E1", "2026-04-06T09:05"));
        long earlier = credit(event).getVersion();
        TopologyTestDriver reprocessing = driver("metrics-test-reset", Instant.now().plusSeconds(60));
        try {
            TestOutputTopic<String, EventCredit> out = reprocessing.createOutputTopic(
                    TopicCatalog.EVENT_CREDITS.name(PREFIX), new StringDeserializer(), Serdes.eventCredit().deserializer());
            reprocessing.createInputTopic(TopicCatalog.RAW_EVENTS.name(PREFIX), new ByteArraySerializer(),
                    new ByteArraySerializer()).pipeInput("docs-m365/e1".getBytes(), Serdes.workEvent().encode(event));

            assertThat(out.readValue().getVersion()).isGreaterThan(earlier);
        } finally {
            reprocessing.close();
        }
    }

    // ---- group totals (§1, §4) --------------------------------------------------------------

    private <V> Map<String, V> newest(org.mieruka.schemas.topic.TopicSpec topic,
                                      org.apache.kafka.common.serialization.Deserializer<V> values) {
        return driver.createOutputTopic(topic.name(PREFIX), new StringDeserializer(), values).readKeyValuesToMap();
    }

    @Test
    void shouldMoveADayBetweenTeleworkGroupsWhenALateReportChangesItsWorkMode() {
        assign("E1", "SHIMIN", "2026-04-01");
        send(doc("E1", "2026-04-06T09:00"));
        send(doc("E1", "2026-04-06T09:10"));
        send(report("E1", "2026-04-06", Location.HOME, "2026-04-09T12:00"));

        Map<String, org.mieruka.schemas.metric.TeleworkEffect> effect = newest(TopicCatalog.TELEWORK_EFFECT,
                Serdes.teleworkEffect().deserializer());
        assertThat(effect.get("SHIMIN/2026-04-06/OFFICE").getEmployeeDays()).as("left for HOME").isZero();
        assertThat(effect.get("SHIMIN/2026-04-06/HOME").getEmployeeDays()).isEqualTo(1);
        assertThat(effect.get("SHIMIN/2026-04-06/HOME").getActiveMs()).isEqualTo(15 * MIN);
        assertThat(effect.get("SHIMIN/2026-04-06/HOME").getEmployees()).isEqualTo(1);
        Map<String, org.mieruka.schemas.metric.WorkHours> hours = newest(TopicCatalog.WORK_HOURS,
                Serdes.workHours().deserializer());
        assertThat(hours.get("SHIMIN/2026-04-06/P-ZEIMU-01/DOCUMENT/ELECTRONIC/HOME").getCreditMs())
                .isEqualTo(15 * MIN);
        assertThat(hours.get("SHIMIN/2026-04-06/P-ZEIMU-01/DOCUMENT/ELECTRONIC/OFFICE").getEvents()).isZero();
    }

    @Test
    void shouldPlaceAClosedCaseByItsLastStepAndTakeItOutWhenALaterStepReopensIt() {
        assign("E2", "KOSEKI", "2026-04-01");
        send(step("E1", "c-5", "case_opened", null, "2026-04-06T09:00").setProcessCode("P-JUMIN-01"));
        send(step("E2", "c-5", "step_completed", "CHECK", "2026-04-06T11:00").setLocation(Location.HOME));
        send(step("E1", "c-5", "case_closed", null, "2026-04-06T12:00"));
        Map<String, org.mieruka.schemas.metric.TeleworkEffect> placed = newest(TopicCatalog.TELEWORK_EFFECT,
                Serdes.teleworkEffect().deserializer());
        assertThat(placed.get("KOSEKI/2026-04-06/HOME").getClosedCasesPlaced()).isEqualTo(1);
        assertThat(placed.get("KOSEKI/2026-04-06/HOME").getCycleMedianMs()).isEqualTo(3 * 60 * MIN);

        send(step("E2", "c-5", "step_completed", "APPROVE", "2026-04-06T13:00").setLocation(Location.HOME));

        Map<String, org.mieruka.schemas.metric.TeleworkEffect> reopened = newest(TopicCatalog.TELEWORK_EFFECT,
                Serdes.teleworkEffect().deserializer());
        assertThat(reopened.get("KOSEKI/2026-04-06/HOME").getClosedCasesPlaced()).isZero();
        assertThat(reopened.get("KOSEKI/2026-04-06/HOME").getCycleMedianMs()).isNull();
    }

    // ---- §3 cases through the topology --------------------------------------------------------

    @Test
    void shouldAssembleACaseAndGiveItsStepsTheCaseProcess() {
        send(step("E1", "c-1", "case_opened", null, "2026-04-06T09:00").setProcessCode("P-JUMIN-01"));
        WorkEvent received = send(step("E1", "c-1", "step_completed", "RECEIVE", "2026-04-06T09:30"));
        send(step("E2", "c-1", "step_started", "CHECK", "2026-04-06T13:00"));
        send(step("E2", "c-1", "step_completed", "CHECK", "2026-04-06T13:20"));
        send(step("E2", "c-1", "case_closed", null, "2026-04-07T10:00"));

        WorkCase c = cases.get("approval-sys/c-1");
        assertThat(c.getProcessCode()).isEqualTo("P-JUMIN-01");
        assertThat(c.getCycleMs()).isEqualTo(25 * 60 * MIN);
        assertThat(c.getSteps()).isEqualTo(2);
        assertThat(c.getHandoffs()).isEqualTo(1);
        assertThat(c.getTouchMs()).as("RECEIVE has no step_started: touch unknown").isNull();
        assertThat(c.getVariant()).containsExactly("RECEIVE", "CHECK");
        assertThat(credit(received).getProcessCode()).isEqualTo("P-JUMIN-01");
        assertThat(credit(received).getStep()).isEqualTo("RECEIVE");
        assertThat(day("E2", "2026-04-07").getCasesClosed()).isEqualTo(1);
    }

    @Test
    void shouldReattributeStepsWhenAnEarlierEventWithAnotherProcessArrivesLater() {
        WorkEvent stepEvent = send(step("E1", "c-2", "step_completed", "RECEIVE", "2026-04-06T09:30")
                .setProcessCode(null));
        assertThat(credit(stepEvent).getProcessCode()).isEqualTo("UNASSIGNED");

        send(step("E1", "c-2", "case_opened", null, "2026-04-06T09:00").setProcessCode("P-FUKUSHI-02"));

        assertThat(credit(stepEvent).getProcessCode()).isEqualTo("P-FUKUSHI-02");
        assertThat(cases.get("approval-sys/c-2").getProcessCode()).isEqualTo("P-FUKUSHI-02");
        assertThat(cases.get("approval-sys/c-2").getLeftCensored()).isFalse();
    }

    @Test
    void shouldNeverEmitTwoRecordsOfOneKeyWithTheSameVersion() {
        OffsetDateTime start = OffsetDateTime.parse("2026-04-06T09:00+09:00");
        for (int i = 0; i < 30; i++) {
            send(doc("E1", start.plusMinutes(7L * i).toLocalDateTime().toString()));
        }
        send(report("E1", "2026-04-06", Location.HOME, "2026-04-06T20:00"));

        assertThat(credits).hasSize(30);
        assertThat(day("E1", "2026-04-06").getWorkMode()).isEqualTo("HOME");
        assertThat(day("E1", "2026-04-06").getActiveMs()).isEqualTo(29 * 7 * MIN + 5 * MIN);
    }
}
