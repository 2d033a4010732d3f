package org.mieruka.streams.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.PseudonymousEvent;
import org.mieruka.schemas.metric.WorkCase;
import org.mieruka.schemas.serde.Serdes;

class CaseStageTest {

    private static final String SOURCE = "approval-sys";
    private static final String WORKFLOW = "t.workflow-by-case";
    private static final String EVENTS = "t.events-with-process";
    private static final String CASES = "t.cases";
    private static final String SATO = "3f9a1c2b7d4e5f60718293a4b5c6d7e8";
    private static final String SUZUKI = "a41d07c9e2b35f68190c4d7e2a5b8f13";
    private static final String TANAKA = "c7e2019b4d6a8f3e5b1c0d9a7e6f4b21";
    private static final String RESIDENT_CERT = "RESIDENT-CERT";
    private static final String TAX_CERT = "TAX-CERT";

    @TempDir
    Path stateDirs;
    private int runs;
    private SimpleMeterRegistry registry;
    private TopologyTestDriver driver;
    private TestInputTopic<String, PseudonymousEvent> workflow;
    private TestOutputTopic<String, PseudonymousEvent> events;
    private TestOutputTopic<String, WorkCase> cases;

    @BeforeEach
    void start() {
        registry = new SimpleMeterRegistry();
        driver = driver(registry, stateDirs.resolve("main"));
        workflow = driver.createInputTopic(WORKFLOW, new StringSerializer(), Serdes.pseudonymousEvent().serializer());
        events = driver.createOutputTopic(EVENTS, new StringDeserializer(), Serdes.pseudonymousEvent().deserializer());
        cases = driver.createOutputTopic(CASES, new StringDeserializer(), Serdes.workCase().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** The smallest topology around the stage: one source, the stage, a sink for events and one for cases. */
    private static TopologyTestDriver driver(SimpleMeterRegistry registry, Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(CaseStage.storeBuilder());
        KStream<String, CaseOutput> out = builder
                .stream(WORKFLOW, Consumed.with(org.apache.kafka.common.serialization.Serdes.String(),
                        Serdes.pseudonymousEvent()))
                .process(() -> new CaseStage(registry), CaseStage.STORE);
        out.filter((key, output) -> output.isEvent()).mapValues(CaseOutput::event)
                .to(EVENTS, Produced.with(org.apache.kafka.common.serialization.Serdes.String(),
                        Serdes.pseudonymousEvent()));
        out.filter((key, output) -> output.isCase()).mapValues(CaseOutput::workCase)
                .to(CASES, Produced.with(org.apache.kafka.common.serialization.Serdes.String(), Serdes.workCase()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "cases-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // One state directory per driver: two may be open at once, and other builds share /tmp.
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // Wall clock at the epoch: versions are then 1, 2, 3 … (RecordVersion.floor is 0).
        return new TopologyTestDriver(builder.build(), props, java.time.Instant.EPOCH);
    }

    /** Tokyo local time in April 2026, e.g. "04-06T09:00". */
    private static Instant at(String local) {
        return OffsetDateTime.parse("2026-" + local + ":00+09:00").toInstant();
    }

    private static long minutes(long n) {
        return Duration.ofMinutes(n).toMillis();
    }

    private static PseudonymousEvent.Builder wf(String caseId, String id, String action, String local, String who) {
        return PseudonymousEvent.newBuilder().setEventId(id).setSourceSystem(SOURCE).setKind(EventKind.WORKFLOW)
                .setAction(action).setOccurredAt(at(local)).setEmployeePseudonym(who).setPseudonymKey("k2026")
                .setOrgUnit("SHIMIN-KA").setObjectId(caseId).setAttributes(new HashMap<>());
    }

    private static PseudonymousEvent opened(String caseId, String id, String local, String who) {
        return wf(caseId, id, "case_opened", local, who).setProcessCode(RESIDENT_CERT).build();
    }

    private static PseudonymousEvent closed(String caseId, String id, String local, String who) {
        return wf(caseId, id, "case_closed", local, who).build();
    }

    private static PseudonymousEvent started(String caseId, String id, String local, String step, String who) {
        return wf(caseId, id, "step_started", local, who).setAttributes(new HashMap<>(Map.of("step", step))).build();
    }

    private static PseudonymousEvent completed(String caseId, String id, String local, String step, String who) {
        return wf(caseId, id, "step_completed", local, who).setAttributes(new HashMap<>(Map.of("step", step))).build();
    }

    private void send(PseudonymousEvent... sent) {
        for (PseudonymousEvent event : sent) {
            workflow.pipeInput(CaseStage.caseKey(event), event);
        }
    }

    /** The case as last emitted under its key. */
    private WorkCase lastCase(String caseId) {
        List<KeyValue<String, WorkCase>> all = cases.readKeyValuesToList();
        assertThat(all).isNotEmpty().allSatisfy(kv -> assertThat(kv.key).isEqualTo(SOURCE + "/" + caseId));
        return all.get(all.size() - 1).value;
    }

    private double updates(String outcome) {
        return registry.find("mieruka.streams.cases.updates").tag("outcome", outcome).counter().count();
    }

    @Test
    void caseWithoutCloseIsOpenWithNoCycleButItsTouchTime() {
        send(opened("R-2026-0412", "ev-101", "04-06T09:00", SATO),
                started("R-2026-0412", "ev-102", "04-06T09:10", "RECEIVE", SATO),
                completed("R-2026-0412", "ev-103", "04-06T09:40", "RECEIVE", SATO));

        WorkCase c = lastCase("R-2026-0412");
        assertThat(c.getSourceSystem()).isEqualTo(SOURCE);
        assertThat(c.getObjectId()).isEqualTo("R-2026-0412");
        assertThat(c.getProcessCode()).isEqualTo(RESIDENT_CERT);
        assertThat(c.getOpenedAt()).isEqualTo(at("04-06T09:00"));
        assertThat(c.getLeftCensored()).isFalse();
        assertThat(c.getClosedAt()).isNull();
        assertThat(c.getCycleMs()).isNull();
        assertThat(c.getTouchMs()).isEqualTo(minutes(30));
        assertThat(c.getWaitMs()).isNull();
        assertThat(c.getSteps()).isEqualTo(1);
        assertThat(c.getHandoffs()).isZero();
        assertThat(c.getVariant()).containsExactly("RECEIVE");
        assertThat(c.getLastStepEventId()).isEqualTo("ev-103");
        assertThat(c.getEvents()).isEqualTo(3);
    }

    @Test
    void caseWithoutCaseOpenedIsLeftCensoredOpenedAtItsFirstEventAndKeepsItsOwnCycle() {
        send(completed("R-2026-0007", "ev-202", "04-01T10:30", "CHECK", SUZUKI),
                started("R-2026-0007", "ev-201", "04-01T10:00", "CHECK", SUZUKI),
                closed("R-2026-0007", "ev-203", "04-01T11:00", SUZUKI));

        WorkCase c = lastCase("R-2026-0007");
        assertThat(c.getLeftCensored()).isTrue();
        assertThat(c.getOpenedAt()).isEqualTo(at("04-01T10:00"));
        assertThat(c.getClosedAt()).isEqualTo(at("04-01T11:00"));
        assertThat(c.getCycleMs()).isEqualTo(minutes(60));
        assertThat(c.getTouchMs()).isEqualTo(minutes(30));
        assertThat(c.getWaitMs()).isEqualTo(minutes(30));
        assertThat(c.getProcessCode()).isEqualTo(CaseAssembler.UNASSIGNED);
    }

    @Test
    void stepStrictlyAfterTheLastCloseReopensTheCase() {
        send(opened("R-2026-0420", "ev-301", "04-07T09:00", SATO),
                completed("R-2026-0420", "ev-302", "04-07T10:00", "RECEIVE", SATO),
                closed("R-2026-0420", "ev-303", "04-07T12:00", SATO));
        assertThat(lastCase("R-2026-0420").getClosedAt()).isEqualTo(at("04-07T12:00"));

        send(completed("R-2026-0420", "ev-304", "04-08T13:00", "CORRECT", SUZUKI));

        WorkCase c = lastCase("R-2026-0420");
        assertThat(c.getClosedAt()).isNull();
        assertThat(c.getCycleMs()).isNull();
        assertThat(c.getWaitMs()).isNull();
        assertThat(c.getSteps()).isEqualTo(2);
    }

    @Test
    void lastCaseClosedWinsAndAStepAtTheSameInstantDoesNotReopen() {
        send(opened("R-2026-0431", "ev-401", "04-08T09:00", SATO),
                closed("R-2026-0431", "ev-404", "04-09T15:00", SATO),
                completed("R-2026-0431", "ev-403", "04-09T15:00", "APPROVE", TANAKA),
                closed("R-2026-0431", "ev-402", "04-08T11:00", SATO)); // late, earlier close

        WorkCase c = lastCase("R-2026-0431");
        assertThat(c.getClosedAt()).isEqualTo(at("04-09T15:00"));
        assertThat(c.getCycleMs()).isEqualTo(Duration.ofHours(30).toMillis());
        assertThat(c.getEvents()).isEqualTo(4);
    }

    @Test
    void handoffsCountEmployeeChangesBetweenConsecutiveSteps() {
        send(opened("R-2026-0502", "ev-501", "04-10T09:00", SATO),
                completed("R-2026-0502", "ev-502", "04-10T09:30", "RECEIVE", SATO),
                completed("R-2026-0502", "ev-503", "04-10T10:00", "CHECK", SATO),
                completed("R-2026-0502", "ev-504", "04-10T11:00", "APPROVE", SUZUKI),
                completed("R-2026-0502", "ev-505", "04-10T11:30", "ISSUE", SATO));

        WorkCase c = lastCase("R-2026-0502");
        assertThat(c.getHandoffs()).isEqualTo(2);
        assertThat(c.getSteps()).isEqualTo(4);
        assertThat(c.getLastStepEventId()).isEqualTo("ev-505");
    }

    @Test
    void touchIsTheUnionOfMatchedStepIntervalsAndWaitTheRestOfTheCycle() {
        send(opened("R-2026-0610", "ev-601", "04-13T08:50", SATO),
                started("R-2026-0610", "ev-602", "04-13T09:00", "RECEIVE", SATO),
                started("R-2026-0610", "ev-603", "04-13T09:30", "CHECK", SUZUKI),
                completed("R-2026-0610", "ev-604", "04-13T10:00", "RECEIVE", SATO),
                completed("R-2026-0610", "ev-605", "04-13T10:30", "CHECK", SUZUKI),
                closed("R-2026-0610", "ev-606", "04-13T11:00", SUZUKI));

        WorkCase c = lastCase("R-2026-0610");
        assertThat(c.getTouchMs()).isEqualTo(minutes(90)); // [09:00, 10:00] ∪ [09:30, 10:30]
        assertThat(c.getCycleMs()).isEqualTo(minutes(130));
        assertThat(c.getWaitMs()).isEqualTo(minutes(40));
    }

    @Test
    void anUnmatchedStepLeavesTouchAndWaitUnknown() {
        send(opened("R-2026-0620", "ev-611", "04-13T08:50", SATO),
                started("R-2026-0620", "ev-612", "04-13T09:00", "RECEIVE", SATO),
                completed("R-2026-0620", "ev-613", "04-13T10:00", "RECEIVE", SATO),
                completed("R-2026-0620", "ev-614", "04-13T10:30", "CHECK", SUZUKI), // no CHECK start
                closed("R-2026-0620", "ev-615", "04-13T11:00", SUZUKI));

        WorkCase c = lastCase("R-2026-0620");
        assertThat(c.getCycleMs()).isEqualTo(minutes(130));
        assertThat(c.getTouchMs()).isNull();
        assertThat(c.getWaitMs()).isNull();
    }

    @Test
    void aStartAfterItsCompletionIsNoMatch() {
        send(opened("R-2026-0630", "ev-621", "04-14T09:00", SATO),
                completed("R-2026-0630", "ev-622", "04-14T09:50", "CHECK", SATO),
                started("R-2026-0630", "ev-623", "04-14T10:00", "CHECK", SATO),
                closed("R-2026-0630", "ev-624", "04-14T11:00", SATO));

        WorkCase c = lastCase("R-2026-0630");
        assertThat(c.getTouchMs()).isNull();
        assertThat(c.getWaitMs()).isNull();
        assertThat(c.getCycleMs()).isEqualTo(minutes(120));
    }

    @Test
    void aCaseWithoutStepsHasNoTouchTime() {
        send(opened("R-2026-0640", "ev-631", "04-14T09:00", SATO),
                closed("R-2026-0640", "ev-632", "04-14T09:05", SATO));

        WorkCase c = lastCase("R-2026-0640");
        assertThat(c.getSteps()).isZero();
        assertThat(c.getTouchMs()).isNull();
        assertThat(c.getWaitMs()).isNull();
        assertThat(c.getVariant()).isEmpty();
        assertThat(c.getLastStepEventId()).isNull();
        assertThat(c.getCycleMs()).isEqualTo(minutes(5));
    }

    @Test
    void reworkCountsTwiceInStepsAndVariantAndEachCompletionTakesTheEarliestUnmatchedStart() {
        send(opened("R-2026-0701", "ev-701", "04-15T08:55", SATO),
                started("R-2026-0701", "ev-702", "04-15T09:00", "CHECK", SATO),
                completed("R-2026-0701", "ev-703", "04-15T09:20", "CHECK", SATO),
                completed("R-2026-0701", "ev-704", "04-15T09:40", "APPROVE", TANAKA),
                started("R-2026-0701", "ev-705", "04-15T10:00", "CHECK", SATO),
                completed("R-2026-0701", "ev-706", "04-15T10:30", "CHECK", SATO));

        WorkCase c = lastCase("R-2026-0701");
        assertThat(c.getSteps()).isEqualTo(3);
        assertThat(c.getVariant()).containsExactly("CHECK", "APPROVE", "CHECK");
        assertThat(c.getTouchMs()).isNull(); // APPROVE has no start
        assertThat(c.getHandoffs()).isEqualTo(2);

        send(started("R-2026-0701", "ev-707", "04-15T09:30", "APPROVE", TANAKA));

        assertThat(lastCase("R-2026-0701").getTouchMs()).isEqualTo(minutes(20 + 10 + 30));
    }

    @Test
    void variantFollowsOccurredAtEvenWhenEventsArriveOutOfOrder() {
        send(completed("R-2026-0801", "ev-804", "04-16T11:00", "ISSUE", SUZUKI),
                completed("R-2026-0801", "ev-802", "04-16T09:30", "RECEIVE", SATO),
                opened("R-2026-0801", "ev-801", "04-16T09:00", SATO),
                completed("R-2026-0801", "ev-803", "04-16T10:00", "CHECK", SATO));

        WorkCase c = lastCase("R-2026-0801");
        assertThat(c.getVariant()).containsExactly("RECEIVE", "CHECK", "ISSUE");
        assertThat(c.getLastStepEventId()).isEqualTo("ev-804");
        assertThat(c.getLeftCensored()).isFalse();
        assertThat(c.getOpenedAt()).isEqualTo(at("04-16T09:00"));
    }

    @Test
    void ordersEventsOfTheSameInstantByEventId() {
        send(completed("R-2026-0802", "ev-812", "04-16T10:00", "CHECK", SUZUKI),
                completed("R-2026-0802", "ev-811", "04-16T10:00", "RECEIVE", SATO));

        WorkCase c = lastCase("R-2026-0802");
        assertThat(c.getVariant()).containsExactly("RECEIVE", "CHECK");
        assertThat(c.getLastStepEventId()).isEqualTo("ev-812");
    }

    @Test
    void processComesFromTheEarliestEventCarryingOneAndAChangeReEmitsTheEventsWithoutTheirOwn() {
        String id = "R-2026-0901";
        send(completed(id, "ev-902", "04-17T10:00", "RECEIVE", SATO)); // no code anywhere yet
        assertThat(events.readKeyValue()).satisfies(kv -> {
            assertThat(kv.key).isEqualTo(SATO);
            assertThat(kv.value.getProcessCode()).isNull(); // downstream reports it as UNASSIGNED
        });
        assertThat(lastCase(id).getProcessCode()).isEqualTo(CaseAssembler.UNASSIGNED);

        send(wf(id, "ev-903", "case_closed", "04-17T11:00", SUZUKI).setProcessCode(RESIDENT_CERT).build());
        assertThat(processCodes(events.readKeyValuesToList()))
                .containsExactly(Map.entry("ev-903", RESIDENT_CERT), Map.entry("ev-902", RESIDENT_CERT));
        assertThat(lastCase(id).getProcessCode()).isEqualTo(RESIDENT_CERT);

        send(completed(id, "ev-904", "04-17T10:30", "CHECK", SUZUKI)); // process unchanged: only itself
        assertThat(events.readKeyValuesToList()).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo(SUZUKI);
            assertThat(kv.value.getEventId()).isEqualTo("ev-904");
            assertThat(kv.value.getProcessCode()).isEqualTo(RESIDENT_CERT);
        });

        // A late, earlier event with another code: the case's process changes, events without a
        // code of their own are sent again with it, ev-903 keeps its own.
        send(wf(id, "ev-901", "case_opened", "04-17T09:00", TANAKA).setProcessCode(TAX_CERT).build());
        List<KeyValue<String, PseudonymousEvent>> reEmitted = events.readKeyValuesToList();
        assertThat(processCodes(reEmitted)).containsExactly(Map.entry("ev-901", TAX_CERT),
                Map.entry("ev-902", TAX_CERT), Map.entry("ev-904", TAX_CERT));
        assertThat(reEmitted).extracting(kv -> kv.key).containsExactly(TANAKA, SATO, SUZUKI);
        WorkCase c = lastCase(id);
        assertThat(c.getProcessCode()).isEqualTo(TAX_CERT);
        assertThat(c.getVersion()).isEqualTo(4);
        assertThat(updates("process_changed")).isEqualTo(2);
        assertThat(updates("updated")).isEqualTo(2);
        // The stored originals keep their own (absent) codes.
        KeyValueStore<String, CaseState> store = driver.getKeyValueStore(CaseStage.STORE);
        assertThat(store.get(SOURCE + "/" + id).events()).extracting(CaseEvent::processCode)
                .containsExactly(TAX_CERT, null, null, RESIDENT_CERT);
    }

    private static List<Map.Entry<String, String>> processCodes(List<KeyValue<String, PseudonymousEvent>> sent) {
        return sent.stream().map(kv -> Map.entry(kv.value.getEventId(), kv.value.getProcessCode())).toList();
    }

    @Test
    void duplicateEventIdReplacesTheStoredEventAndDoesNotCountTwice() {
        String id = "R-2026-1001";
        send(opened(id, "ev-1001", "04-20T09:00", SATO),
                completed(id, "ev-1002", "04-20T09:30", "RECEIVE", SATO),
                completed(id, "ev-1002", "04-20T09:45", "RECEIVE", SUZUKI));

        WorkCase c = lastCase(id);
        assertThat(c.getEvents()).isEqualTo(2);
        assertThat(c.getSteps()).isEqualTo(1);
        assertThat(c.getHandoffs()).isZero();
        assertThat(c.getVersion()).isEqualTo(3);
        KeyValueStore<String, CaseState> store = driver.getKeyValueStore(CaseStage.STORE);
        assertThat(store.get(SOURCE + "/" + id).events()).extracting(CaseEvent::eventId, CaseEvent::employeePseudonym)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ev-1001", SATO),
                        org.assertj.core.groups.Tuple.tuple("ev-1002", SUZUKI));
    }

    @Test
    void versionIncreasesOnEveryUpdateOfTheSameCaseAndEachCaseCountsItsOwn() {
        send(opened("R-2026-1101", "ev-1101", "04-21T09:00", SATO),
                opened("R-2026-1102", "ev-1201", "04-21T09:05", SUZUKI),
                completed("R-2026-1101", "ev-1102", "04-21T09:30", "RECEIVE", SATO),
                closed("R-2026-1101", "ev-1103", "04-21T10:00", SATO));

        Map<String, List<Long>> versions = new LinkedHashMap<>();
        cases.readKeyValuesToList().forEach(kv ->
                versions.computeIfAbsent(kv.key, k -> new ArrayList<>()).add(kv.value.getVersion()));
        assertThat(versions).containsExactly(Map.entry(SOURCE + "/R-2026-1101", List.of(1L, 2L, 3L)),
                Map.entry(SOURCE + "/R-2026-1102", List.of(1L)));
    }

    @Test
    void shuffledArrivalGivesTheSameCaseAndEventsAsSortedArrivalExceptTheVersion() {
        String id = "R-2026-1201";
        List<PseudonymousEvent> sorted = List.of(
                wf(id, "ev-1301", "case_opened", "04-22T09:00", SATO).build(),
                started(id, "ev-1302", "04-22T09:05", "RECEIVE", SATO),
                completed(id, "ev-1303", "04-22T09:20", "RECEIVE", SATO),
                wf(id, "ev-1304", "step_started", "04-22T09:40", SUZUKI).setProcessCode(TAX_CERT)
                        .setAttributes(new HashMap<>(Map.of("step", "CHECK"))).build(),
                completed(id, "ev-1305", "04-22T10:10", "CHECK", SUZUKI),
                completed(id, "ev-1306", "04-22T11:00", "CHECK", SATO),
                started(id, "ev-1307", "04-22T10:50", "CHECK", SATO),
                completed(id, "ev-1308", "04-22T13:00", "APPROVE", TANAKA),
                started(id, "ev-1309", "04-22T12:00", "APPROVE", TANAKA),
                closed(id, "ev-1310", "04-22T13:30", TANAKA));
        List<PseudonymousEvent> shuffled = new ArrayList<>(sorted);
        java.util.Collections.shuffle(shuffled, new java.util.Random(20260422));
        assertThat(shuffled).isNotEqualTo(sorted);

        Outcome inOrder = run(sorted);
        Outcome outOfOrder = run(shuffled);

        assertThat(inOrder.workCase().getVersion()).isEqualTo(10);
        assertThat(outOfOrder.workCase().getVersion()).isEqualTo(10);
        WorkCase expected = WorkCase.newBuilder(inOrder.workCase()).setVersion(0).build();
        assertThat(WorkCase.newBuilder(outOfOrder.workCase()).setVersion(0).build()).isEqualTo(expected);
        assertThat(expected.getProcessCode()).isEqualTo(TAX_CERT);
        assertThat(expected.getVariant()).containsExactly("RECEIVE", "CHECK", "CHECK", "APPROVE");
        assertThat(expected.getTouchMs()).isEqualTo(minutes(15 + 30 + 10 + 60)); // RECEIVE, CHECK twice, APPROVE: disjoint
        assertThat(expected.getCycleMs()).isEqualTo(minutes(270));
        assertThat(expected.getWaitMs()).isEqualTo(minutes(270 - 115));
        assertThat(expected.getHandoffs()).isEqualTo(3);
        // Downstream keeps the latest version of each event: the same whatever the arrival order.
        assertThat(outOfOrder.latestEvents()).isEqualTo(inOrder.latestEvents()).hasSize(10)
                .allSatisfy((eventId, event) -> assertThat(event.getProcessCode()).isEqualTo(TAX_CERT));
    }

    private record Outcome(WorkCase workCase, Map<String, PseudonymousEvent> latestEvents) {
    }

    private Outcome run(List<PseudonymousEvent> arrivals) {
        try (TopologyTestDriver own = driver(new SimpleMeterRegistry(), stateDirs.resolve("run-" + ++runs))) {
            TestInputTopic<String, PseudonymousEvent> in = own.createInputTopic(WORKFLOW, new StringSerializer(),
                    Serdes.pseudonymousEvent().serializer());
            arrivals.forEach(event -> in.pipeInput(CaseStage.caseKey(event), event));
            Map<String, PseudonymousEvent> latest = new HashMap<>();
            own.createOutputTopic(EVENTS, new StringDeserializer(), Serdes.pseudonymousEvent().deserializer())
                    .readValuesToList().forEach(event -> latest.put(event.getEventId(), event));
            List<WorkCase> all = own.createOutputTopic(CASES, new StringDeserializer(),
                    Serdes.workCase().deserializer()).readValuesToList();
            return new Outcome(all.get(all.size() - 1), latest);
        }
    }
}
