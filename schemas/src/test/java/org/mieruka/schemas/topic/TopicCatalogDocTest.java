package org.mieruka.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicCatalogDocTest {

    private static final String MARKER = "<!-- generated from TopicCatalog.markdownTable; TopicCatalogDocTest keeps it equal -->\n";

    @Test
    void docsShowTheCatalogAsItIs() throws IOException {
        Path file = Path.of(System.getProperty("mieruka.project.root", "..")).resolve("docs/topics.md");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String table = TopicCatalog.markdownTable(TopicCatalog.DEFAULT_PREFIX);
        if (Boolean.getBoolean("mieruka.docs.write")) {
            int start = text.indexOf(MARKER) + MARKER.length();
            int end = text.indexOf("\n\n", start);
            text = text.substring(0, start) + table.stripTrailing() + text.substring(end);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }

        assertThat(text).as("docs/topics.md; regenerate with: mvn -pl schemas test -Dtest=TopicCatalogDocTest "
                + "-Dmieruka.docs.write=true").contains(MARKER + table);
    }

    @Test
    void referenceDataIsCompactedAndEventsAreNot() {
        for (TopicSpec topic : TopicCatalog.all()) {
            boolean reference = topic.suffix().startsWith("reference.");
            if (reference) {
                assertThat(topic.compacted()).as(topic.suffix()).isTrue();
            }
            if (topic.suffix().startsWith("events.")) {
                assertThat(topic.compacted()).as(topic.suffix()).isFalse();
            }
        }
        assertThat(TopicCatalog.DIRECTORY.configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .containsEntry(TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(30).toMillis()));
        assertThat(TopicCatalog.RAW_EVENTS.configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(90).toMillis()));
    }
}
