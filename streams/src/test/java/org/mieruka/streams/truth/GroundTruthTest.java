package org.mieruka.streams.truth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.metric.EmployeeDay;
import org.mieruka.schemas.metric.EventCredit;
import org.mieruka.schemas.metric.WorkCase;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.simulate.Municipality;
import org.mieruka.simulate.Simulation;
import org.mieruka.simulate.SimulationConfig;
import org.mieruka.simulate.truth.TruthReport;
import org.mieruka.simulate.workday.ActivityConfig;
import org.mieruka.simulate.workday.Scenario;
import org.mieruka.streams.MetricsTopology;
import org.mieruka.streams.privacy.PrivacyTopology;
import org.mieruka.streams.privacy.PseudonymKeys;
import org.mieruka.streams.workload.WorkRules;

/**
 * The simulator's city (200 staff, four weeks around Golden Week and a pilot start, with its late,
 * repeated and conflicting arrivals) through the whole topology, against the truth the simulator
 * computes independently: every metric of every group equal, ratios to 1e-9.
 */
class GroundTruthTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String PREFIX = "gt.";
    private static final String KEY = Base64.getEncoder().encodeToString("ground-truth-key-of-32-bytes-ok!".getBytes());

    @TempDir
    static Path state;
    private static Simulation simulation;
    private static PseudonymKeys keys;
    private static SimpleMeterRegistry registry;
    private static TopologyTestDriver driver;
    private static final Map<String, EventCredit> credits = new LinkedHashMap<>();
    private static final Map<String, EmployeeDay> days = new LinkedHashMap<>();
    private static final Map<String, WorkCase> cases = new LinkedHashMap<>();
    private static final Map<String, org.mieruka.schemas.metric.WorkHours> workHours = new LinkedHashMap<>();
    private static final Map<String, org.mieruka.schemas.metric.TeleworkEffect> telework = new LinkedHashMap<>();
    private static final List<String> versionProblems = new ArrayList<>();
    private static OutputFigures figures;

    @BeforeAll
    static void runTheCityThroughTheTopology() {
        Municipality city = Municipality.generate(SimulationConfig.defaults().withStaffCount(200).withSeed(11));
        simulation = Simulation.run(city, ActivityConfig.defaults().withPeriod(LocalDate.of(2026, 4, 20),
                        LocalDate.of(2026, 5, 17)),
                new Scenario("pilot", "試行", "Pilot", List.of("somu.jinji", "kikaku.zaisei", "zeimu.shiminzei"),
                        LocalDate.of(2026, 5, 11), 0.6, -0.1, -0.2, 0.3), TOKYO, n -> { });
        List<String> problems = new ArrayList<>();
        keys = PseudonymKeys.parse("gt=" + KEY, "", problems);
        assertThat(problems).isEmpty();

        registry = new SimpleMeterRegistry();
        StreamsBuilder builder = new StreamsBuilder();
        PrivacyTopology.build(builder, PREFIX, keys, simulatorSources(), TOKYO, Duration.ofDays(14), registry);
        MetricsTopology.build(builder, PREFIX, new WorkRules(TOKYO, Duration.ofMinutes(15), Duration.ofMinutes(5),
                LocalTime.of(8, 30), LocalTime.of(17, 15), city.calendar()::isWorkingDay), Duration.ofDays(400), registry);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ground-truth");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        driver = new TopologyTestDriver(builder.build(), props);
        TestInputTopic<byte[], byte[]> directory = driver.createInputTopic(TopicCatalog.DIRECTORY.name(PREFIX),
                new ByteArraySerializer(), new ByteArraySerializer());
        TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(TopicCatalog.RAW_EVENTS.name(PREFIX),
                new ByteArraySerializer(), new ByteArraySerializer());
        TestInputTopic<byte[], byte[]> processes = driver.createInputTopic(TopicCatalog.PROCESSES.name(PREFIX),
                new ByteArraySerializer(), new ByteArraySerializer());
        city.catalog().definitions().forEach(p -> processes.pipeInput(p.getProcessCode().getBytes(),
                Serdes.processDefinition().encode(p)));
        for (DirectoryEntry row : city.directory()) {
            directory.pipeInput((row.getEmployee() + "/" + row.getValidFrom()).getBytes(),
                    Serdes.directoryEntry().encode(row));
        }
        var serde = Serdes.workEvent();
        TestOutputTopic<String, EventCredit> creditsOut = driver.createOutputTopic(
                TopicCatalog.EVENT_CREDITS.name(PREFIX), new StringDeserializer(), Serdes.eventCredit().deserializer());
        TestOutputTopic<String, EmployeeDay> daysOut = driver.createOutputTopic(
                TopicCatalog.EMPLOYEE_DAYS.name(PREFIX), new StringDeserializer(), Serdes.employeeDay().deserializer());
        TestOutputTopic<String, WorkCase> casesOut = driver.createOutputTopic(TopicCatalog.CASES.name(PREFIX),
                new StringDeserializer(), Serdes.workCase().deserializer());
        TestOutputTopic<String, org.mieruka.schemas.metric.WorkHours> workHoursOut = driver.createOutputTopic(
                TopicCatalog.WORK_HOURS.name(PREFIX), new StringDeserializer(), Serdes.workHours().deserializer());
        TestOutputTopic<String, org.mieruka.schemas.metric.TeleworkEffect> teleworkOut = driver.createOutputTopic(
                TopicCatalog.TELEWORK_EFFECT.name(PREFIX), new StringDeserializer(),
                Serdes.teleworkEffect().deserializer());
        int sent = 0;
        for (WorkEvent event : simulation.events()) {
            raw.pipeInput(new TestRecord<>((event.getSourceSystem() + "/" + event.getEventId()).getBytes(),
                    serde.encode(event)));
            if (++sent % 5_000 == 0) {
                keepNewest(creditsOut, credits, EventCredit::getVersion);
                keepNewest(daysOut, days, EmployeeDay::getVersion);
                keepNewest(casesOut, cases, WorkCase::getVersion);
                keepNewest(workHoursOut, workHours, org.mieruka.schemas.metric.WorkHours::getVersion);
                keepNewest(teleworkOut, telework, org.mieruka.schemas.metric.TeleworkEffect::getVersion);
            }
        }
        keepNewest(creditsOut, credits, EventCredit::getVersion);
        keepNewest(daysOut, days, EmployeeDay::getVersion);
        keepNewest(casesOut, cases, WorkCase::getVersion);
        keepNewest(workHoursOut, workHours, org.mieruka.schemas.metric.WorkHours::getVersion);
        keepNewest(teleworkOut, telework, org.mieruka.schemas.metric.TeleworkEffect::getVersion);
        figures = new OutputFigures(credits.values(), days.values(), cases.values());
    }

    /** The simulator's sources, registered without extra attributes (the contract's own are always kept). */
    static org.mieruka.schemas.source.AttributeAllowList simulatorSources() {
        Map<String, java.util.Set<String>> sources = new HashMap<>();
        org.mieruka.simulate.workday.WorkdaySimulation.sources().forEach(source -> sources.put(source, java.util.Set.of()));
        return new org.mieruka.schemas.source.AttributeAllowList(sources);
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private static <V> void keepNewest(TestOutputTopic<String, V> topic, Map<String, V> newest,
                                       Function<V, Long> version) {
        for (TestRecord<String, V> r : topic.readRecordsToList()) {
            V previous = newest.put(r.key(), r.value());
            if (previous != null && version.apply(previous) >= version.apply(r.value())) {
                versionProblems.add(r.key() + ": version " + version.apply(r.value()) + " after "
                        + version.apply(previous));
            }
        }
    }

    private static double counter(String name, String tag, String value) {
        Counter counter = tag == null ? registry.find(name).counter() : registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldEmitEveryUpdateOfAKeyWithAHigherVersion() {
        assertThat(versionProblems).isEmpty();
        assertThat(credits).isNotEmpty();
    }

    @Test
    void shouldFindEveryProcessAndStepOfTheSimulatedCityInItsCatalog() {
        assertThat(credits.values()).filteredOn(c -> !c.getProcessCode().equals("UNASSIGNED"))
                .isNotEmpty().allSatisfy(c -> assertThat(c.getProcessCatalogued()).as(c.getProcessCode()).isTrue());
        assertThat(credits.values()).filteredOn(c -> c.getStep() != null)
                .isNotEmpty().allSatisfy(c -> assertThat(c.getStepCatalogued()).as(c.getStep()).isTrue());
    }

    @Test
    void shouldAcceptDeduplicateAndRefuseAsTheTruthCounts() {
        TruthReport.Counts truth = simulation.truth().counts();
        assertThat(truth.duplicates()).as("the feed has repeats to test").isPositive();
        assertThat(truth.late()).as("the feed has late arrivals to test").isPositive();
        assertThat((long) counter("mieruka.streams.privacy.events", "outcome", "pseudonymised"))
                .isEqualTo(truth.accepted());
        assertThat((long) counter("mieruka.streams.privacy.events", "outcome", "duplicate"))
                .isEqualTo(truth.duplicates());
        assertThat((long) counter("mieruka.streams.privacy.conflicts", null, null)).isEqualTo(truth.conflicts());
        assertThat((long) counter("mieruka.streams.privacy.rejected", "reason", "LATE")).isEqualTo(truth.late());
        assertThat(credits.values().stream().filter(EventCredit::getUnitDiffersFromDirectory).count())
                .isEqualTo(truth.unitDiffersFromDirectory());
        assertThat((long) days.size()).isEqualTo(truth.employeeDays());
        assertThat(days.values().stream().filter(EmployeeDay::getReportConflict).count())
                .isEqualTo(truth.reportConflicts());
        assertThat((long) cases.size()).isEqualTo(truth.cases());
        assertThat(cases.values().stream().filter(WorkCase::getLeftCensored).count())
                .isEqualTo(truth.leftCensoredCases());
    }

    @Test
    void shouldEqualTheTruthsWorkHoursForEveryGroup() {
        SameRows.assertSameRows(figures.workHours(), simulation.truth().workHours(),
                r -> List.of(r.orgUnit(), r.week(), r.process(), r.kind(), r.channel(), r.workMode()));
    }

    @Test
    void shouldPublishTheTruthsWorkHoursOnTheWorkHoursTopic() {
        List<TruthReport.WorkHours> published = workHours.values().stream().filter(w -> w.getEvents() > 0)
                .map(w -> new TruthReport.WorkHours(w.getOrgUnit(), w.getWeek(), w.getProcessCode(), w.getKind(),
                        w.getChannel(), w.getWorkMode(), w.getCreditMs(), w.getEvents(), w.getEmployees()))
                .toList();
        SameRows.assertSameRows(published, simulation.truth().workHours(),
                r -> List.of(r.orgUnit(), r.week(), r.process(), r.kind(), r.channel(), r.workMode()));
    }

    @Test
    void shouldPublishTheTruthsTeleworkEffectOnTheTeleworkTopic() {
        List<TruthReport.TeleworkEffect> published = OutputFigures.published(telework.values());
        assertThat(simulation.truth().teleworkEffect()).anySatisfy(t -> assertThat(t.closedCasesPlaced()).isPositive());
        SameRows.assertSameRows(published, simulation.truth().teleworkEffect(),
                r -> List.of(r.orgUnit(), r.week(), r.workMode()));
    }

    @Test
    void shouldEqualTheTruthsTeleworkEffectForEveryGroup() {
        SameRows.assertSameRows(figures.teleworkEffect(), simulation.truth().teleworkEffect(),
                r -> List.of(r.orgUnit(), r.week(), r.workMode()));
    }

    @Test
    void shouldEqualTheTruthsProcessFiguresForEveryProcessAndPeriod() {
        SameRows.assertSameRows(figures.processPeriods(TOKYO), simulation.truth().processPeriods(),
                r -> List.of(r.process(), r.period(), r.start()));
    }

    @Test
    void shouldEqualTheTruthsReadinessAndPaperlessFigures() {
        TruthReport.Readiness truth = simulation.truth().readiness();
        LocalDate reportDate = credits.values().stream().map(EventCredit::getEventDate).max(LocalDate::compareTo)
                .orElseThrow();
        TruthReport.Readiness ours = figures.readiness(reportDate, 90, simulation.city().catalog().definitions(),
                simulation.city().directory(), keys::pseudonym);
        assertThat(ours.reportDate()).isEqualTo(truth.reportDate());
        assertThat(ours.windowStart()).isEqualTo(truth.windowStart());
        SameRows.assertSameRows(ours.processes(), truth.processes(), TruthReport.ProcessReadiness::process);
        SameRows.assertSameRows(ours.staff(), truth.staff(), TruthReport.StaffReady::orgUnit);
        SameRows.assertSameRows(ours.paperless(), truth.paperless(), TruthReport.Paperless::orgUnit);
    }
}
