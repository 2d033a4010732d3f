package org.mieruka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.PseudonymousEvent;
import org.mieruka.schemas.metric.EventCount;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.topic.TopicCatalog;

class EventCountTopologyTest {

    private static final StreamsAppConfig CONFIG = new StreamsAppConfig(Map.of("privacy.pseudonym.keys",
            "test=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
            StreamsAppConfig.SOURCES_FILE, TestSourcesFile.standard()));

    private static PseudonymousEvent event(String id, String instant) {
        return PseudonymousEvent.newBuilder().setEventId(id).setSourceSystem("docs-m365").setKind(EventKind.DOCUMENT)
                .setAction("edited").setOccurredAt(Instant.parse(instant)).setEmployeePseudonym("0123456789abcdef0123456789abcdef").setPseudonymKey("test").setObjectId("d")
                .setAttributes(Map.of()).build();
    }

    /** The topology under the application's own properties (error handlers included). */
    private static TopologyTestDriver driver() {
        Properties props = StreamsApp.properties(CONFIG);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
        return new TopologyTestDriver(EventCountTopology.build(new StreamsBuilder(), CONFIG), props);
    }

    private static TestInputTopic<byte[], byte[]> raw(TopologyTestDriver driver) {
        return driver.createInputTopic(TopicCatalog.PSEUDONYMOUS_EVENTS.name("mieruka."), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    private static TestOutputTopic<String, EventCount> counts(TopologyTestDriver driver) {
        return driver.createOutputTopic(TopicCatalog.EVENT_COUNTS.name("mieruka."), new StringDeserializer(),
                Serdes.eventCount().deserializer());
    }

    @Test
    void shouldCountPerLocalTokyoDateWithAHigherVersionAtEachUpdate() {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<byte[], byte[]> raw = raw(driver);
            TestOutputTopic<String, EventCount> out = counts(driver);

            // 2026-04-06T15:30Z is already 2026-04-07 00:30 in Tokyo
            raw.pipeInput(new byte[0], Serdes.pseudonymousEvent().encode(event("1", "2026-04-06T01:00:00Z")));
            raw.pipeInput(new byte[0], Serdes.pseudonymousEvent().encode(event("2", "2026-04-06T02:00:00Z")));
            raw.pipeInput(new byte[0], Serdes.pseudonymousEvent().encode(event("3", "2026-04-06T15:30:00Z")));

            var updates = out.readKeyValuesToList();
            assertThat(updates).extracting(kv -> kv.key).containsExactly("docs-m365/DOCUMENT/2026-04-06",
                    "docs-m365/DOCUMENT/2026-04-06", "docs-m365/DOCUMENT/2026-04-07");
            assertThat(updates.get(1).value.getEvents()).isEqualTo(2);
            assertThat(updates.get(1).value.getVersion()).isGreaterThan(updates.get(0).value.getVersion());
            assertThat(updates.get(2).value.getEventDate()).isEqualTo(LocalDate.of(2026, 4, 7));
        }
    }

    @Test
    void shouldSkipAnUndecodableRecordAndCountTheRest() {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<byte[], byte[]> raw = raw(driver);
            TestOutputTopic<String, EventCount> out = counts(driver);

            raw.pipeInput(new byte[0], "garbage".getBytes());
            raw.pipeInput(new byte[0], Serdes.pseudonymousEvent().encode(event("1", "2026-04-06T01:00:00Z")));

            assertThat(out.readValuesToList()).extracting(EventCount::getEvents).containsExactly(1L);
            assertThat(driver.metrics().entrySet().stream()
                    .filter(e -> e.getKey().name().equals("dropped-records-total"))
                    .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum()).isEqualTo(1.0);
        }
    }
}
