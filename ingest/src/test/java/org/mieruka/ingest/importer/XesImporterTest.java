package org.mieruka.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XesImporterTest {

    private static final Path WORKFLOW = org.mieruka.testsupport.SharedData.file("workflow/receipt.xes").getParent();
    private static final ImportSettings SETTINGS = ImportSettings.of("wabo-log", ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path dir;

    @Test
    void shouldMapEveryTraceOfTheReceiptLogToACaseWithItsSteps() throws Exception {
        ImportOutcomes out = ImportOutcomes.run(new XesImporter(), WORKFLOW.resolve("receipt.xes"), SETTINGS);

        assertThat(out.events("step_completed")).hasSize(8_577);
        assertThat(out.events("step_started")).isEmpty();
        assertThat(out.events("case_opened")).hasSize(1_434);
        assertThat(out.events("case_closed")).hasSize(1_434);
        assertThat(out.events().stream().map(e -> e.get("object_id").asText()).distinct()).hasSize(1_434);
        assertThat(out.refusals()).isEmpty();
        assertThat(out.summary).isEqualTo(new ImportSummary(8_577 + 2 * 1_434, 0, 0));
        assertThat(out.chronological()).isTrue();
        assertThat(out.firstRejection()).isNull();
        assertThat(new HashSet<>(out.ids())).hasSize(out.events().size());
        // The <global> block's 1970 default timestamp is not an event.
        assertThat(out.events()).noneMatch(e -> e.get("occurred_at").asText().startsWith("1970"));
    }

    @Test
    void shouldKeepTheLogsOffsetAndTakeTheStepFromTheStepTable() throws Exception {
        ImportOutcomes out = ImportOutcomes.run(new XesImporter(), WORKFLOW.resolve("receipt.xes"),
                SETTINGS.withStepTable(Map.of("Confirmation of receipt", "RECEIPT")).withDefaultProcessCode("P-WABO"));

        ObjectNode first = out.events().get(0);
        assertThat(first.get("action").asText()).isEqualTo("case_opened");
        assertThat(first.get("occurred_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0[12]:00");
        assertThat(first.get("process_code").asText()).isEqualTo("P-WABO");
        assertThat(out.events("step_completed")).anyMatch(e -> e.get("attributes").get("step").asText().equals("RECEIPT"));
        assertThat(out.events("step_completed")).anyMatch(e -> e.get("attributes").get("step").asText()
                .equals("T02 Check confirmation of receipt"));
    }

    @Test
    void shouldEmitTheSameIdsWhenTheSameFileIsImportedTwice() throws Exception {
        Path file = WORKFLOW.resolve("roadtraffic100traces.xes");
        ImportSettings settings = SETTINGS.withDefaultEmployee("police-clerk");
        assertThat(ImportOutcomes.run(new XesImporter(), file, settings).ids())
                .isEqualTo(ImportOutcomes.run(new XesImporter(), file, settings).ids());
    }

    @Test
    void shouldReadTheRoadTrafficLogWithoutNamespaceAtLocalMidnight() throws Exception {
        ImportOutcomes out = ImportOutcomes.run(new XesImporter(), WORKFLOW.resolve("roadtraffic100traces.xes"),
                SETTINGS.withDefaultEmployee("police-clerk"));

        assertThat(out.events("step_completed")).hasSize(390);
        assertThat(out.events("case_opened")).hasSize(100);
        assertThat(out.events("case_closed")).hasSize(100);
        assertThat(out.events("step_completed").get(0).get("occurred_at").asText()).endsWith("T00:00:00.000+01:00");
        assertThat(out.events()).anyMatch(e -> e.get("employee").asText().equals("537"));
        assertThat(out.events()).anyMatch(e -> e.get("employee").asText().equals("police-clerk"));
        assertThat(out.chronological()).isTrue();
        assertThat(out.firstRejection()).isNull();
    }

    @Test
    void shouldRefuseAnEventWithoutResourceWhenNoDefaultEmployeeIsSet() throws Exception {
        ImportOutcomes out = ImportOutcomes.run(new XesImporter(), WORKFLOW.resolve("roadtraffic100traces.xes"), SETTINGS);

        assertThat(out.events("step_completed")).hasSize(100);
        assertThat(out.refusals()).hasSize(290);
        assertThat(out.refusals().get(0).refusal().toString())
                .isEqualTo("MALFORMED: event without org:resource and no default employee configured");
    }

    @Test
    void shouldMapStartAndCompleteIgnoreOtherTransitionsAndOpenAndCloseEachCase() throws Exception {
        ImportOutcomes out = ImportOutcomes.run(new XesImporter(), ImportOutcomes.sample("permit.xes"), SETTINGS);

        assertThat(out.summary).isEqualTo(new ImportSummary(8, 2, 1));
        assertThat(out.events()).extracting(e -> e.get("action").asText()).containsExactly(
                "case_opened", "step_started", "step_completed", "step_completed", "case_closed",
                "case_opened", "step_completed", "case_closed");
        ObjectNode opened = out.events().get(0);
        assertThat(opened.get("employee").asText()).isEqualTo("k0101");
        assertThat(opened.get("object_id").asText()).isEqualTo("R6-0001");
        assertThat(opened.get("occurred_at").asText()).isEqualTo("2026-04-06T09:00:00.000+09:00");
        assertThat(out.events().get(4).get("employee").asText()).isEqualTo("k0207");
        assertThat(out.events().get(4).get("event_id").asText()).endsWith("-4-close");
        assertThat(out.events().get(3).get("attributes").get("step").asText()).isEqualTo("審査");
        assertThat(out.events().get(2).get("occurred_at").asText()).isEqualTo("2026-04-06T09:20:00.000+09:00");
        assertThat(out.refusals()).extracting(r -> r.position() + " " + r.refusal().message()).containsExactly(
                "6 time:timestamp is not an XES date (ISO-8601)",
                "7 event without org:resource and no default employee configured");
        assertThat(out.firstRejection()).isNull();
    }

    @Test
    void shouldRejectAFileThatIsNotXml() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.xes"), "<log><trace><event></trace>");
        assertThatThrownBy(() -> ImportOutcomes.run(new XesImporter(), file, SETTINGS))
                .isInstanceOf(ImportException.class).hasMessageContaining("not a well-formed XES");
    }

    @Test
    void shouldBeFoundByItsFormatName() {
        assertThat(Importer.forFormat("xes")).get().isInstanceOf(XesImporter.class);
    }
}
