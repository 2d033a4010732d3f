package org.mieruka.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ZoomParticipantsImporterTest {

    private static final ImportSettings SETTINGS = ImportSettings.of("zoom", ZoneId.of("Asia/Tokyo"));

    @Test
    void shouldGiveTheHostHeldAndEachJoinAnAttendedInTimeOrder() throws Exception {
        ImportOutcomes out = ImportOutcomes.run(new ZoomParticipantsImporter(),
                ImportOutcomes.sample("zoom-participants.csv"), SETTINGS);

        assertThat(out.events()).extracting(e -> e.get("occurred_at").asText() + " " + e.get("action").asText()
                + " " + e.get("employee").asText() + " " + e.get("duration_ms").asLong()).containsExactly(
                "2026-04-06T13:28:00.000+09:00 attended tanaka@city.example.lg.jp 2520000",
                "2026-04-06T13:30:00.000+09:00 held yamada@city.example.lg.jp 3600000",
                "2026-04-06T13:31:10.000+09:00 attended suzuki@city.example.lg.jp 1140000",
                "2026-04-06T13:55:00.000+09:00 attended suzuki@city.example.lg.jp 2100000");
        assertThat(out.events()).allMatch(e -> e.get("object_id").asText().equals("81234567890")
                && e.get("kind").asText().equals("MEETING") && e.get("channel").asText().equals("ONLINE"));
        assertThat(out.ids()).allMatch(id -> id.matches("[0-9a-f]{16}-(2|6|7|8)")).doesNotHaveDuplicates();
        assertThat(out.chronological()).isTrue();
        assertThat(out.firstRejection()).isNull();
    }

    @Test
    void shouldIgnoreTheHostsJoinsAndGuestsAndRefuseUnreadableRows() throws Exception {
        ImportOutcomes out = ImportOutcomes.run(new ZoomParticipantsImporter(),
                ImportOutcomes.sample("zoom-participants.csv"), SETTINGS);

        assertThat(out.summary).isEqualTo(new ImportSummary(4, 2, 2));
        assertThat(out.refusals()).extracting(r -> r.position() + " " + r.refusal().message()).containsExactly(
                "10 participant row without User Email",
                "11 Join Time, or both Leave Time and Duration (Minutes), unreadable");
    }

    @Test
    void shouldEmitTheSameIdsWhenTheSameFileIsImportedTwice() throws Exception {
        var file = ImportOutcomes.sample("zoom-participants.csv");
        assertThat(ImportOutcomes.run(new ZoomParticipantsImporter(), file, SETTINGS).ids())
                .isEqualTo(ImportOutcomes.run(new ZoomParticipantsImporter(), file, SETTINGS).ids());
    }
}
