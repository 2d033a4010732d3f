package org.mieruka.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/importers.md has a section per importer found by ServiceLoader and links every sample file. */
class ImporterDocsTest {

    private static final Path DOCS = Path.of(System.getProperty("mieruka.project.root", ".."))
            .resolve("docs/importers.md");

    @Test
    void shouldFindTheSixFormatsByName() {
        assertThat(Importer.all()).extracting(Importer::format)
                .containsExactlyInAnyOrder("xes", "csv", "m365", "teams", "zoom", "workmode");
    }

    @Test
    void shouldDocumentEveryFormatAndLinkEverySample() throws Exception {
        String docs = Files.readString(DOCS);
        for (Importer importer : Importer.all()) {
            assertThat(docs).contains("\n## `" + importer.format() + "` — ");
        }
        try (Stream<Path> samples = Files.list(Path.of("src/test/resources/importers"))) {
            samples.forEach(sample -> assertThat(docs)
                    .contains("(../ingest/src/test/resources/importers/" + sample.getFileName() + ")"));
        }
    }

    @Test
    void shouldDocumentEveryMappingKey() throws Exception {
        String docs = Files.readString(DOCS);
        for (String key : new String[] {"encoding", "delimiter", "header", "occurred_at.format", "action.map.<value>",
                "attribute.<name>"}) {
            assertThat(docs).contains("| `" + key + "` |");
        }
        for (String field : CsvMapping.FIELDS) {
            assertThat(docs).contains("`column." + field + "`");
        }
    }
}
