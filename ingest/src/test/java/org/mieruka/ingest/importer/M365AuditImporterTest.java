package org.mieruka.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class M365AuditImporterTest {

    private static final ImportSettings SETTINGS = ImportSettings.of("docs-m365", ZoneId.of("Asia/Tokyo"));

    @Test
    void shouldTurnFileOperationsIntoDocumentEventsInTimeOrder() throws Exception {
        ImportOutcomes out = ImportOutcomes.run(new M365AuditImporter(), ImportOutcomes.sample("m365-audit.csv"), SETTINGS);

        assertThat(out.events()).extracting(e -> e.get("occurred_at").asText() + " " + e.get("action").asText()
                + " " + e.get("employee").asText()).containsExactly(
                "2026-04-06T09:01:30.000+09:00 created tanaka@city.example.lg.jp",
                "2026-04-06T09:12:03.000+09:00 viewed yamada@city.example.lg.jp",
                "2026-04-06T10:40:55.000+09:00 edited suzuki@city.example.lg.jp",
                "2026-04-06T11:10:00.000+09:00 sent yamada@city.example.lg.jp");
        assertThat(out.events().get(1).get("object_id").asText()).as("the URL hashed: it may name a person")
                .isEqualTo(M365AuditImporter.documentId("https://city.sharepoint.com/sites/doboku/Shared Documents/R6-0012.docx"))
                .startsWith("spo-").hasSize(24);
        assertThat(out.events()).allMatch(e -> e.get("kind").asText().equals("DOCUMENT")
                && e.get("channel").asText().equals("ELECTRONIC"));
        assertThat(out.chronological()).isTrue();
        assertThat(out.firstRejection()).isNull();
    }

    @Test
    void shouldUseTheAuditRecordIdAndElseTheFileHashAndLine() throws Exception {
        ImportOutcomes out = ImportOutcomes.run(new M365AuditImporter(), ImportOutcomes.sample("m365-audit.csv"), SETTINGS);

        assertThat(out.ids().get(0)).matches("[0-9a-f]{16}-5");
        assertThat(out.ids().subList(1, 4)).containsExactly("5b1f6a0e-3c2d-4e8f-9a10-0c1d2e3f4a51",
                "8e2a7c4b-1d3f-4a5e-b6c7-d8e9f0a1b2c3", "c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f");
        assertThat(ImportOutcomes.run(new M365AuditImporter(), ImportOutcomes.sample("m365-audit.csv"), SETTINGS).ids())
                .isEqualTo(out.ids());
    }

    @Test
    void shouldIgnoreOtherOperationsAndRefuseUnreadableRows() throws Exception {
        ImportOutcomes out = ImportOutcomes.run(new M365AuditImporter(), ImportOutcomes.sample("m365-audit.csv"), SETTINGS);

        assertThat(out.summary).isEqualTo(new ImportSummary(4, 2, 1));
        assertThat(out.refusals()).extracting(r -> r.position() + " " + r.refusal().message()).containsExactly(
                "7 AuditData is not a JSON object",
                "8 CreationDate is not an ISO-8601 or M/d/yyyy h:mm:ss AM/PM time");
    }
}
