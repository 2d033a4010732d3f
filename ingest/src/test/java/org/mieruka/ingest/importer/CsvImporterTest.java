package org.mieruka.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImporterTest {

    private static final ImportSettings SETTINGS = ImportSettings.of("approval-sys", ZoneId.of("Asia/Tokyo"))
            .withMappingFile(ImportOutcomes.sample("approvals.properties"));

    @TempDir
    Path dir;

    @Test
    void shouldMapEachRowThroughTheMappingFile() throws Exception {
        ImportOutcomes out = ImportOutcomes.run(new CsvImporter(), ImportOutcomes.sample("approvals.csv"), SETTINGS);

        assertThat(out.events()).hasSize(3);
        ObjectNode first = out.events().get(0);
        assertThat(first.toString()).isEqualTo("{\"event_id\":\"" + first.get("event_id").asText() + "\","
                + "\"source_system\":\"approval-sys\",\"kind\":\"DOCUMENT\",\"action\":\"created\","
                + "\"occurred_at\":\"2026-04-06T08:55:00.000+09:00\",\"employee\":\"k0102\","
                + "\"org_unit\":\"D-FUKUSHI\",\"object_id\":\"R6-文-0013\",\"process_code\":\"P-SUBSIDY\","
                + "\"channel\":\"ELECTRONIC\",\"attributes\":{\"urgency\":\"至急\"}}");
        assertThat(first.get("event_id").asText()).matches("[0-9a-f]{16}-6");
        assertThat(out.events()).extracting(e -> e.get("action").asText())
                .containsExactly("created", "created", "approved");
        assertThat(out.events().get(2).get("occurred_at").asText()).isEqualTo("2026-04-06T16:40:12.000+09:00");
        assertThat(out.chronological()).isTrue();
        assertThat(out.firstRejection()).isNull();
    }

    @Test
    void shouldRefuseEachBrokenRowWithItsLineAndGoOn() throws Exception {
        ImportOutcomes out = ImportOutcomes.run(new CsvImporter(), ImportOutcomes.sample("approvals.csv"), SETTINGS);

        assertThat(out.summary).isEqualTo(new ImportSummary(3, 4, 0));
        assertThat(out.refusals()).extracting(r -> r.position() + " " + r.refusal()).containsExactly(
                "7 MALFORMED: column 操作 has a value not in action.map",
                "8 MALFORMED: column 処理日時 is not a date-time in occurred_at.format",
                "9 MALFORMED: row has 6 fields, the header has 8",
                "10 MALFORMED: quoted field not closed before the end of the file (RFC 4180)");
    }

    @Test
    void shouldReadUtf8WithBomAndShiftJisAlike() throws Exception {
        String text = Files.readString(ImportOutcomes.sample("approvals.csv"), StandardCharsets.UTF_8);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        Path withBom = Files.write(dir.resolve("bom.csv"), bom);
        Path sjis = Files.write(dir.resolve("sjis.csv"), text.replace("\n", "\r\n").getBytes(Charset.forName("windows-31j")));

        ImportOutcomes plain = ImportOutcomes.run(new CsvImporter(), ImportOutcomes.sample("approvals.csv"), SETTINGS);
        for (Path file : new Path[] {withBom, sjis}) {
            ImportOutcomes out = ImportOutcomes.run(new CsvImporter(), file, SETTINGS);
            assertThat(out.events()).hasSize(3);
            assertThat(out.events()).extracting(e -> e.get("object_id").asText() + e.get("attributes"))
                    .isEqualTo(plain.events().stream().map(e -> e.get("object_id").asText() + e.get("attributes")).toList());
            assertThat(out.refusals()).extracting(ImportedRecord::position).containsExactly(7L, 8L, 9L, 10L);
        }
    }

    @Test
    void shouldEmitTheSameIdsWhenTheSameFileIsImportedTwice() throws Exception {
        Path file = ImportOutcomes.sample("approvals.csv");
        assertThat(ImportOutcomes.run(new CsvImporter(), file, SETTINGS).ids())
                .isEqualTo(ImportOutcomes.run(new CsvImporter(), file, SETTINGS).ids())
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldReportEveryMappingProblemAtOnce() throws Exception {
        Path mapping = Files.writeString(dir.resolve("bad.properties"), "kind=DOCUMENT\ncolumn.kind=種別\ncolour=red\n");
        assertThatThrownBy(() -> ImportOutcomes.run(new CsvImporter(), ImportOutcomes.sample("approvals.csv"),
                SETTINGS.withMappingFile(mapping)))
                .isInstanceOf(ImportException.class)
                .hasMessage("mapping file: action or column.action: one is required; colour: not a mapping key; "
                        + "column.employee: required; column.occurred_at: required; kind and column.kind: give only one");
    }

    @Test
    void shouldFailWhenAMappedColumnIsNotInTheHeader() throws Exception {
        Path mapping = Files.writeString(dir.resolve("m.properties"),
                "kind=DOCUMENT\naction=created\ncolumn.employee=起案者\ncolumn.occurred_at=処理日時\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ImportOutcomes.run(new CsvImporter(), ImportOutcomes.sample("approvals.csv"),
                SETTINGS.withMappingFile(mapping)))
                .isInstanceOf(ImportException.class).hasMessage("mapped columns not in the file's header: 起案者");
    }
}
