package org.mieruka.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final ConfigDef DEF = CommonSettings.defineTimeZone(CommonSettings.defineKafka(new ConfigDef()));

    @Test
    void shouldReportEveryBadKeyAtOnce() {
        Map<String, String> raw = Map.of(CommonSettings.KAFKA_BOOTSTRAP, "", CommonSettings.CITY_TIME_ZONE, "Mars/Olympus",
                CommonSettings.TOPICS_REPLICATION, "zero");

        assertThatThrownBy(() -> ConfigLoader.parse("test", DEF, raw))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .hasSize(3)
                        .anySatisfy(p -> assertThat(p).startsWith("kafka.bootstrap (MIERUKA_KAFKA_BOOTSTRAP)"))
                        .anySatisfy(p -> assertThat(p).contains("city.time-zone").contains("IANA"))
                        .anySatisfy(p -> assertThat(p).contains("topics.replication-factor")));
    }

    @Test
    void shouldLetTheEnvironmentOverrideTheFileAndOverridesBeatBoth(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mieruka.properties");
        Files.writeString(file, "kafka.bootstrap=file:9092\ntopics.prefix=file.\ncity.time-zone=UTC\n");
        Map<String, String> env = Map.of("MIERUKA_KAFKA_BOOTSTRAP", "env:9092", "MIERUKA_TOPICS_PREFIX", "env.");

        Map<String, Object> values = ConfigLoader.parse("test", DEF,
                ConfigLoader.gather(DEF, file, env, Map.of(CommonSettings.TOPICS_PREFIX, "cli.")));

        assertThat(values.get(CommonSettings.KAFKA_BOOTSTRAP)).isEqualTo("env:9092");
        assertThat(values.get(CommonSettings.TOPICS_PREFIX)).isEqualTo("cli.");
        assertThat(values.get(CommonSettings.CITY_TIME_ZONE)).isEqualTo("UTC");
    }

    @Test
    void shouldDocumentEveryKeyInTheGeneratedTable() {
        String markdown = ConfigLoader.markdown("Test", DEF);

        assertThat(markdown).contains("| `kafka.bootstrap` | `MIERUKA_KAFKA_BOOTSTRAP` | string | `127.0.0.1:19092` |");
        assertThat(markdown.lines().filter(l -> l.startsWith("| `"))).hasSize(DEF.names().size());
    }
}
