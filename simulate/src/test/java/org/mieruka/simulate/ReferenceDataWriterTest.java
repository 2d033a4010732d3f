package org.mieruka.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceDataWriterTest {

    @TempDir
    Path temp;

    @Test
    void shouldWriteByteIdenticalFilesForTheSameSeed() throws IOException {
        List<Path> first = ReferenceDataWriter.write(Municipality.generate(SimulationConfig.defaults()), temp.resolve("a"));
        List<Path> second = ReferenceDataWriter.write(Municipality.generate(SimulationConfig.defaults()), temp.resolve("b"));
        assertThat(first).extracting(p -> p.getFileName().toString()).containsExactly(
                "org-units.jsonl", "processes.jsonl", "directory.jsonl", "calendar.jsonl");
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.readAllBytes(second.get(i))).as(first.get(i).toString())
                    .isEqualTo(Files.readAllBytes(first.get(i)));
        }
    }

    @Test
    void shouldWriteDifferentStaffForADifferentSeed() throws IOException {
        Path a = ReferenceDataWriter.write(Municipality.generate(SimulationConfig.defaults()), temp.resolve("a")).get(2);
        Path b = ReferenceDataWriter.write(Municipality.generate(SimulationConfig.defaults().withSeed(2)), temp.resolve("b")).get(2);
        assertThat(Files.readAllLines(b)).isNotEqualTo(Files.readAllLines(a));
    }

    @Test
    void shouldWriteFieldsInSchemaOrderWithPlainDatesAndJapaneseText() throws IOException {
        Path dir = temp.resolve("c");
        ReferenceDataWriter.write(Municipality.generate(SimulationConfig.defaults()), dir);
        List<String> units = Files.readAllLines(dir.resolve(ReferenceDataWriter.ORG_UNITS), StandardCharsets.UTF_8);
        assertThat(units.get(0)).isEqualTo(
                "{\"code\":\"somu\",\"name_ja\":\"総務部\",\"name_en\":\"General Affairs Department\",\"parent\":null}");
        String staff = Files.readAllLines(dir.resolve(ReferenceDataWriter.DIRECTORY)).get(0);
        assertThat(staff).matches("\\{\"employee\":\"E\\d{6}\",\"org_unit\":\"[a-z.]+\",\"job_class\":\"[^\"]+\","
                + "\"duty_type\":\"(COUNTER|FIELD|INTERNAL)\",\"fte\":(1\\.0|0\\.77),\"valid_from\":\"2025-04-01\"}");
        assertThat(Files.readAllLines(dir.resolve(ReferenceDataWriter.CALENDAR))).contains(
                "{\"date\":\"2026-09-22\",\"non_working\":true,\"day_type\":\"CITIZENS_HOLIDAY\","
                        + "\"name_ja\":\"国民の休日\",\"name_en\":\"Citizens' Holiday\"}");
        String process = Files.readAllLines(dir.resolve(ReferenceDataWriter.PROCESSES)).get(0);
        assertThat(process).startsWith("{\"process_code\":\"JUMINHYO\",\"name_ja\":\"住民票の写し等交付\",")
                .contains("\"steps\":[{\"code\":\"RECEIVE\",\"name_ja\":\"受付\",\"name_en\":\"Receive application\"},")
                .endsWith("\"telework_eligibility\":\"NO\",\"personal_data_level\":\"MY_NUMBER\"}");
    }
}
