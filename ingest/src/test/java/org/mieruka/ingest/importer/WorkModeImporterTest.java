package org.mieruka.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkModeImporterTest {

    private static final ImportSettings SETTINGS = ImportSettings.of("telework-form", ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path dir;

    @Test
    void shouldReportEachDaysPlaceAtTheReportsTime() throws Exception {
        ImportOutcomes out = ImportOutcomes.run(new WorkModeImporter(), ImportOutcomes.sample("workmode.csv"), SETTINGS);

        assertThat(out.events()).extracting(e -> e.get("employee").asText() + " " + e.get("location").asText()
                + " " + e.get("attributes") + " " + e.get("occurred_at").asText()).containsExactly(
                "k0103 OFFICE {\"date\":\"2026-04-06\"} 2026-04-06T17:15:00.000+09:00",
                "k0102 SATELLITE {\"date\":\"2026-04-06\",\"hours\":\"7.75\"} 2026-04-06T17:31:05.000+09:00",
                "k0104 FIELD {\"date\":\"2026-04-06\",\"hours\":\"8\"} 2026-04-06T18:02:00.000+09:00",
                "k0101 HOME {\"date\":\"2026-04-06\",\"hours\":\"7.75\"} 2026-04-07T08:40:00.000+09:00");
        assertThat(out.events()).allMatch(e -> e.get("kind").asText().equals("WORK_MODE")
                && e.get("action").asText().equals("reported") && e.get("source_system").asText().equals("telework-form"));
        assertThat(out.chronological()).isTrue();
        assertThat(out.firstRejection()).isNull();
        assertThat(out.ids()).allMatch(id -> id.matches("[0-9a-f]{16}-[2-5]"));
    }

    @Test
    void shouldRefuseRowsItCannotRead() throws Exception {
        ImportOutcomes out = ImportOutcomes.run(new WorkModeImporter(), ImportOutcomes.sample("workmode.csv"), SETTINGS);

        assertThat(out.refusals()).extracting(r -> r.position() + " " + r.refusal().message()).containsExactly(
                "6 勤務場所 (location) is not one of 在宅, 自宅, サテライト, 庁舎, 本庁, 出勤, 外勤, 出張",
                "7 勤務日 (date) is not a date YYYY-MM-DD or YYYY/MM/DD",
                "8 勤務時間 (hours) is not a number of hours like 7.75 or 7:45",
                "9 報告日時 (reported_at) is not a date-time like 2026/04/06 17:30");
    }

    @Test
    void shouldReadShiftJisAndEnglishHeaders() throws Exception {
        String text = Files.readString(ImportOutcomes.sample("workmode.csv"), StandardCharsets.UTF_8);
        Path sjis = Files.write(dir.resolve("sjis.csv"), text.getBytes(Charset.forName("windows-31j")));
        Path english = Files.writeString(dir.resolve("en.csv"), "employee,date,location,reported_at\n"
                + "k0101,2026-04-06,home,2026-04-06 18:00\n");

        assertThat(ImportOutcomes.run(new WorkModeImporter(), sjis, SETTINGS).events()).hasSize(4);
        ImportOutcomes out = ImportOutcomes.run(new WorkModeImporter(), english, SETTINGS);
        assertThat(out.events()).singleElement().satisfies(e -> assertThat(e.get("location").asText()).isEqualTo("HOME"));
        assertThat(out.firstRejection()).isNull();
    }

    @Test
    void shouldNameEveryMissingColumn() throws Exception {
        Path file = Files.writeString(dir.resolve("x.csv"), "職員番号,勤務時間\nk0101,7.75\n");
        assertThatThrownBy(() -> ImportOutcomes.run(new WorkModeImporter(), file, SETTINGS))
                .isInstanceOf(ImportException.class)
                .hasMessage("work-mode report: header lacks the columns 勤務日, 勤務場所, 報告日時");
    }
}
