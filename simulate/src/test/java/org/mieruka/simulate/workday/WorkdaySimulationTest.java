package org.mieruka.simulate.workday;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.json.WorkEventJson;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.simulate.CatalogProcess;
import org.mieruka.simulate.Municipality;
import org.mieruka.simulate.Simulation;
import org.mieruka.simulate.SimulationConfig;
import org.mieruka.simulate.SimulationFiles;
import org.mieruka.simulate.TimedStep;
import org.mieruka.simulate.truth.TruthCalculator;
import org.mieruka.simulate.truth.TruthFile;
import org.mieruka.simulate.truth.TruthReport;
import org.mieruka.simulate.truth.TruthSettings;

/** A small city (240 staff) over five weeks around a pilot start, written to disk and read back. */
class WorkdaySimulationTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final SimulationConfig CITY = SimulationConfig.defaults().withStaffCount(240).withSeed(7);
    // Mon 2026-04-20 .. Sun 2026-05-24: Golden Week's holidays inside; the pilot starts on 2026-05-11.
    private static final ActivityConfig ACTIVITY = ActivityConfig.defaults()
            .withPeriod(LocalDate.of(2026, 4, 20), LocalDate.of(2026, 5, 24));
    private static final Scenario PILOT = new Scenario("pilot", "試行", "Pilot", List.of("somu.jinji", "kikaku.zaisei",
            "zeimu.shiminzei", "kodomo.kosodate"), LocalDate.of(2026, 5, 11), 0.6, -0.1, -0.2, 0.3);

    @TempDir
    static Path dir;
    private static Municipality city;
    private static List<String> lines;
    private static List<WorkEvent> events;

    @BeforeAll
    static void simulate() throws Exception {
        city = Municipality.generate(CITY);
        SimulationFiles.write(Simulation.run(city, ACTIVITY, PILOT, TOKYO, n -> { }), dir.resolve("a"));
        lines = Files.readAllLines(dir.resolve("a").resolve(SimulationFiles.EVENTS));
        events = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            WorkEventJson.Result result = WorkEventJson.read(json.readTree(line));
            assertThat(result.rejection()).as(line).isNull();
            events.add(result.event());
        }
    }

    @Test
    void shouldWriteByteIdenticalFilesForTheSameSeed() throws Exception {
        SimulationFiles.write(Simulation.run(Municipality.generate(CITY), ACTIVITY, PILOT, TOKYO, n -> { }),
                dir.resolve("b"));

        for (String file : List.of(SimulationFiles.EVENTS, SimulationFiles.SCENARIO, SimulationFiles.TRUTH,
                "directory.jsonl", "calendar.jsonl")) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
        assertThat(events).hasSizeGreaterThan(50_000);
    }

    @Test
    void everyEventIsValidJsonFormAndAvro() {
        // Read back through the strict JSON form in @BeforeAll; here through the Avro serde as well.
        var serde = Serdes.workEvent();
        for (WorkEvent event : events) {
            assertThat(serde.decode(serde.encode(event))).isEqualTo(event);
        }
        assertThat(events).extracting(WorkEvent::getKind).contains(EventKind.values()[0], EventKind.MEETING,
                EventKind.WORKFLOW, EventKind.PRESENCE, EventKind.WORK_MODE);
    }

    @Test
    void theTruthFileEqualsARecomputationFromTheEventsFile() throws Exception {
        TruthReport written = TruthFile.read(dir.resolve("a").resolve(SimulationFiles.TRUTH));
        Municipality again = Municipality.generate(CITY);

        TruthReport recomputed = new TruthCalculator(TruthSettings.defaults(), again.calendar()::isWorkingDay)
                .compute(events, again.directory(), again.catalog().definitions(), null);

        assertThat(recomputed).isEqualTo(written);
        assertThat(written.counts().duplicates()).isPositive();
        assertThat(written.counts().cases()).isPositive();
        assertThat(written.teleworkEffect()).isNotEmpty();
        assertThat(written.processPeriods()).isNotEmpty();
        assertThat(written.readiness().processes()).hasSize(again.catalog().processes().size());
    }

    @Test
    void theImporterFormatFilesReadBackAsTheSimulatedReportsAndSteps() throws Exception {
        java.util.Set<String> ids = new java.util.HashSet<>();
        List<WorkEvent> distinct = events.stream().filter(e -> ids.add(e.getSourceSystem() + "/" + e.getEventId()))
                .toList();
        long reports = distinct.stream().filter(e -> e.getKind() == EventKind.WORK_MODE).count();
        long steps = distinct.stream().filter(e -> e.getAction().startsWith("step_")).count();
        long casesWithSteps = distinct.stream().filter(e -> e.getAction().startsWith("step_"))
                .map(WorkEvent::getObjectId).distinct().count();

        List<org.mieruka.ingest.importer.ImportedRecord> workMode = new ArrayList<>();
        org.mieruka.ingest.importer.Importer.forFormat("workmode").orElseThrow().read(
                dir.resolve("a").resolve(org.mieruka.simulate.ImporterFormats.WORK_MODE_CSV),
                org.mieruka.ingest.importer.ImportSettings.of("workmode-form", TOKYO), workMode::add);
        List<org.mieruka.ingest.importer.ImportedRecord> workflow = new ArrayList<>();
        org.mieruka.ingest.importer.Importer.forFormat("xes").orElseThrow().read(
                dir.resolve("a").resolve(org.mieruka.simulate.ImporterFormats.WORKFLOW_XES),
                org.mieruka.ingest.importer.ImportSettings.of("approval-sys", TOKYO), workflow::add);

        assertThat(workMode).allMatch(r -> r.refusal() == null).hasSize((int) reports);
        assertThat(workflow).allMatch(r -> r.refusal() == null);
        assertThat(workflow.stream().filter(r -> r.event().get("action").asText().startsWith("step_"))).hasSize((int) steps);
        assertThat(workflow.stream().filter(r -> r.event().get("action").asText().equals("case_opened")))
                .hasSize((int) casesWithSteps);
        ObjectMapper json = new ObjectMapper();
        for (var record : workflow) {
            assertThat(WorkEventJson.read(json.readTree(record.event().toString())).rejection()).isNull();
        }
    }

    @Test
    void nobodyWorksOnHolidaysWhenHolidayWorkIsOff() throws Exception {
        ActivityConfig noHolidayWork = new ActivityConfig(ACTIVITY.first(), ACTIVITY.last(), 0.05, 0.02, 0.05, 14, 0.25,
                50, 0.0, 0.12, 0.25, 1, 0.8, 0.9, 0.3, 0, 0, 0, 0, 0.15);

        List<WorkEvent> made = new WorkdaySimulation(city, noHolidayWork, PILOT, TOKYO).run(n -> { });

        assertThat(made).allSatisfy(e -> assertThat(city.calendar()
                .isWorkingDay(e.getOccurredAt().atZone(TOKYO).toLocalDate())).as(e.getEventId()).isTrue());
        assertThat(made).noneMatch(e -> e.getOccurredAt().atZone(TOKYO).toLocalDate().equals(LocalDate.of(2026, 5, 5)));
    }

    @Test
    void casesCompleteTheirStepsInTheCatalogsOrderAndCloseAfterTheLast() {
        Map<String, List<WorkEvent>> byCase = new HashMap<>();
        events.stream().filter(e -> e.getKind() == EventKind.WORKFLOW)
                .sorted(java.util.Comparator.comparing(WorkEvent::getOccurredAt))
                .forEach(e -> byCase.computeIfAbsent(e.getObjectId(), k -> new ArrayList<>()).add(e));
        int closed = 0;
        for (List<WorkEvent> c : byCase.values()) {
            CatalogProcess process = city.catalog().process(c.stream().filter(e -> e.getAction().equals("case_opened"))
                    .findFirst().orElseThrow().getProcessCode());
            List<String> completed = c.stream().filter(e -> e.getAction().equals("step_completed"))
                    .map(e -> e.getAttributes().get("step")).distinct().toList();
            List<String> order = process.steps().stream().map(TimedStep::code).toList();
            assertThat(order.subList(0, completed.size())).as(c.get(0).getObjectId()).isEqualTo(completed);
            if (c.stream().anyMatch(e -> e.getAction().equals("case_closed"))) {
                closed++;
                assertThat(completed).hasSize(process.steps().size());
                assertThat(c.get(c.size() - 1).getAction()).isEqualTo("case_closed");
            }
        }
        assertThat(closed).isGreaterThan(byCase.size() / 2);
    }

    @Test
    void remoteMeetingsAreOnlineAndNothingIsPrintedAtHome() {
        assertThat(events).filteredOn(e -> e.getKind() == EventKind.MEETING && e.getLocation() == Location.HOME)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getChannel()).isIn(Channel.ONLINE, Channel.HYBRID));
        assertThat(events).filteredOn(e -> "printed".equals(e.getAction()))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getLocation()).isIn(Location.OFFICE, Location.FIELD));
    }

    @Test
    void thePilotRaisesHomeWorkInTheTreatedUnitsOnly() throws Exception {
        TruthReport truth = TruthFile.read(dir.resolve("a").resolve(SimulationFiles.TRUTH));
        double[] treatedAfter = homeShare(truth, true, true);
        double[] treatedBefore = homeShare(truth, true, false);
        double[] othersAfter = homeShare(truth, false, true);

        assertThat(treatedAfter[0] / treatedAfter[1]).isGreaterThan(0.2);
        assertThat(treatedBefore[0] / treatedBefore[1]).isLessThan(0.1);
        assertThat(othersAfter[0] / othersAfter[1]).isLessThan(0.1);
    }

    private static double[] homeShare(TruthReport truth, boolean treated, boolean afterStart) {
        double home = 0;
        double all = 0;
        for (TruthReport.TeleworkEffect row : truth.teleworkEffect()) {
            if (PILOT.treatedUnits().contains(row.orgUnit()) == treated
                    && !row.week().isBefore(PILOT.start()) == afterStart) {
                all += row.employeeDays();
                home += row.workMode().equals("HOME") ? row.employeeDays() : 0;
            }
        }
        return new double[] {home, all};
    }
}
