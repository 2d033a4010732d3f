package org.mieruka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    static Path projectRoot() {
        String property = System.getProperty("mieruka.project.root");
        Path dir = property != null ? Path.of(property) : Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("docs")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("project root with docs/").isNotNull();
        return dir;
    }

    @Test
    void shouldDescribeEveryKeyOfEveryDeployable() {
        ConfigReference.deployables().forEach((title, def) -> {
            for (ConfigDef.ConfigKey key : def.configKeys().values()) {
                assertThat(key.documentation).as(title + " " + key.name).isNotBlank();
            }
        });
    }

    @Test
    void shouldMatchTheCheckedInConfigurationReference() throws Exception {
        String onDisk = Files.readString(projectRoot().resolve("docs/configuration.md"), StandardCharsets.UTF_8);

        assertThat(onDisk).as("docs/configuration.md is out of date: run ./mieruka config-docs > docs/configuration.md")
                .isEqualTo(ConfigReference.markdown());
    }
}
