package org.mieruka.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamsAttendanceImporterTest {

    private static final ImportSettings SETTINGS = ImportSettings.of("teams", ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path dir;

    @Test
    void shouldGiveTheOrganizerHeldAndEachParticipantAttended() throws Exception {
        ImportOutcomes out = ImportOutcomes.run(new TeamsAttendanceImporter(),
                ImportOutcomes.sample("teams-attendance.csv"), SETTINGS);

        assertThat(out.events()).extracting(e -> e.get("occurred_at").asText() + " " + e.get("action").asText()
                + " " + e.get("employee").asText() + " " + e.get("duration_ms").asLong()).containsExactly(
                "2026-04-06T13:29:58.000+09:00 attended tanaka@city.example.lg.jp 2282000",
                "2026-04-06T13:30:12.000+09:00 held yamada@city.example.lg.jp 3928000",
                "2026-04-06T13:31:05.000+09:00 attended suzuki@city.example.lg.jp 3875000");
        assertThat(out.events()).extracting(e -> e.get("object_id").asText()).allMatch(id -> id.matches("mtg-[0-9a-f]{16}"));
        assertThat(out.ids()).allMatch(id -> id.matches("[0-9a-f]{16}-1[123]"));
        assertThat(out.chronological()).isTrue();
        assertThat(out.firstRejection()).isNull();
    }

    @Test
    void shouldRefuseParticipantsItCannotRead() throws Exception {
        ImportOutcomes out = ImportOutcomes.run(new TeamsAttendanceImporter(),
                ImportOutcomes.sample("teams-attendance.csv"), SETTINGS);

        assertThat(out.summary).isEqualTo(new ImportSummary(3, 2, 0));
        assertThat(out.refusals()).extracting(r -> r.position() + " " + r.refusal().message()).containsExactly(
                "14 participant without Participant ID (UPN) or Email",
                "15 First Join or In-Meeting Duration unreadable (e.g. 4/6/26, 1:30:12 PM; 1h 2m 3s)");
    }

    @Test
    void shouldReadTheUtf8VariantAndAMeetingIdWhenGiven() throws Exception {
        String text = new String(Files.readAllBytes(ImportOutcomes.sample("teams-attendance.csv")),
                StandardCharsets.UTF_16).replace("Meeting title\t", "Meeting Id\t19:meeting_abc@thread.v2\r\nMeeting title\t");
        Path utf8 = Files.writeString(dir.resolve("utf8.csv"), text);

        ImportOutcomes out = ImportOutcomes.run(new TeamsAttendanceImporter(), utf8, SETTINGS);
        String hashed = "mtg-" + FileFingerprint.sha256Hex("19:meeting_abc@thread.v2".getBytes(StandardCharsets.UTF_8))
                .substring(0, 16);
        assertThat(out.events()).hasSize(3).allMatch(e -> e.get("object_id").asText().equals(hashed));
    }

    @Test
    void shouldReadInMeetingDurations() {
        assertThat(TeamsAttendanceReport.length("1h 2m 3s")).contains(Duration.ofSeconds(3723));
        assertThat(TeamsAttendanceReport.length("45m 10s")).contains(Duration.ofSeconds(2710));
        assertThat(TeamsAttendanceReport.length("30s")).contains(Duration.ofSeconds(30));
        assertThat(TeamsAttendanceReport.length("")).isEmpty();
        assertThat(TeamsAttendanceReport.length("soon")).isEmpty();
    }
}
