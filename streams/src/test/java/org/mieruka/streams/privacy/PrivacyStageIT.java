package org.mieruka.streams.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.PseudonymousEvent;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.schemas.topic.TopicProvisioner;
import org.mieruka.streams.StreamsApp;
import org.mieruka.streams.StreamsAppConfig;
import org.mieruka.streams.TestSourcesFile;
import org.mieruka.testsupport.MierukaInfra;
import org.mieruka.testsupport.TestKafka;
import org.mieruka.testsupport.TopicContents;

/** The privacy stage on a real broker under exactly_once_v2, stopped and restarted mid-run. */
@ExtendWith(MierukaInfra.class)
class PrivacyStageIT {

    @Test
    void shouldPassEachEventIdOnceAcrossARestartWithDuplicatesOnBothSides(TestKafka kafka, @TempDir Path state)
            throws Exception {
        Map<String, String> raw = new HashMap<>(kafka.settings());
        raw.put("streams.application-id", kafka.topicPrefix() + "streams");
        raw.put("streams.state-dir", state.toString());
        raw.put("privacy.pseudonym.keys", "it=" + Base64.getEncoder().encodeToString(new byte[32]));
        raw.put(StreamsAppConfig.SOURCES_FILE, TestSourcesFile.standard());
        StreamsAppConfig config = new StreamsAppConfig(raw);
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, kafka.topicPrefix(), (short) 1).ensure(TopicCatalog.all());
        }

        produce(kafka, 0, 300);                  // e0..e299
        try (StreamsApp app = new StreamsApp(config, new SimpleMeterRegistry())) {
            app.start();
            assertThat(app.awaitRunning(Duration.ofSeconds(90))).isTrue();
            produce(kafka, 250, 400);            // e250..e399: 50 repeats of the first run
            awaitAtLeast(kafka, 150);            // stop while the stage is still at work
        }
        try (StreamsApp restarted = new StreamsApp(config, new SimpleMeterRegistry())) {
            restarted.start();
            assertThat(restarted.awaitRunning(Duration.ofSeconds(90))).isTrue();
            produce(kafka, 0, 100);              // repeats of old ids after the restart
            produce(kafka, 400, 500);            // and new ones
            awaitAtLeast(kafka, 500);
        }

        List<PseudonymousEvent> passed = readToEnd(kafka);
        assertThat(passed).hasSize(500);
        assertThat(passed.stream().map(PseudonymousEvent::getEventId).distinct()).hasSize(500);
    }

    private static void produce(TestKafka kafka, int from, int to) throws Exception {
        Map<String, Object> props = kafka.clientProperties();
        props.put("enable.idempotence", true);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = from; i < to; i++) {
                WorkEvent event = WorkEvent.newBuilder().setEventId("e" + i).setSourceSystem("docs-m365")
                        .setKind(EventKind.DOCUMENT).setAction("edited")
                        .setOccurredAt(Instant.parse("2026-04-06T00:00:00Z").plusSeconds(i))
                        .setEmployee("E" + (i % 7)).setObjectId("d" + i).build();
                producer.send(new ProducerRecord<>(TopicCatalog.RAW_EVENTS.name(kafka.topicPrefix()),
                        ("docs-m365/e" + i).getBytes(), Serdes.workEvent().encode(event)));
            }
            producer.flush();
        }
    }

    private static void awaitAtLeast(TestKafka kafka, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (readToEnd(kafka).size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(300);
        }
    }

    private static List<PseudonymousEvent> readToEnd(TestKafka kafka) {
        var serde = Serdes.pseudonymousEvent();
        return TopicContents.readToEnd(kafka, TopicCatalog.PSEUDONYMOUS_EVENTS.name(kafka.topicPrefix())).stream()
                .map(r -> serde.decode(r.value())).toList();
    }
}
