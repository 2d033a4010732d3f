package org.mieruka.store.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mieruka.schemas.deadletter.DeadLetter;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.deadletter.Stage;
import org.mieruka.schemas.metric.EventCount;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.schemas.topic.TopicProvisioner;
import org.mieruka.store.ClickHouseSession;
import org.mieruka.store.migrate.Migrator;
import org.mieruka.testsupport.MierukaInfra;
import org.mieruka.testsupport.TestClickHouse;
import org.mieruka.testsupport.TestKafka;

@ExtendWith(MierukaInfra.class)
class MetricSinkIT {

    private static SinkConfig config(TestKafka kafka, TestClickHouse clickHouse) {
        Map<String, String> raw = new HashMap<>(kafka.settings());
        raw.putAll(clickHouse.settings());
        raw.put("sink.group-id", kafka.topicPrefix() + "sink");
        raw.put("sink.batch.max-delay-ms", "200");
        raw.put("sink.retry.initial-backoff-ms", "100");
        raw.put("sink.retry.max-backoff-ms", "500");
        return new SinkConfig(raw);
    }

    private static void produce(TestKafka kafka, List<EventCount> counts) throws Exception {
        Map<String, Object> props = kafka.clientProperties();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (Admin admin = Admin.create(kafka.clientProperties());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            new TopicProvisioner(admin, kafka.topicPrefix(), (short) 1).ensure(TopicCatalog.all());
            for (EventCount count : counts) {
                producer.send(new ProducerRecord<>(TopicCatalog.EVENT_COUNTS.name(kafka.topicPrefix()),
                        count.getSourceSystem().getBytes(), Serdes.eventCount().encode(count))).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static EventCount count(String source, long events) {
        return EventCount.newBuilder().setSourceSystem(source).setKind("DOCUMENT")
                .setEventDate(LocalDate.of(2026, 4, 6)).setEvents(events).setVersion(events).build();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static long committed(TestKafka kafka, SinkConfig config) throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            return admin.listConsumerGroupOffsets(config.groupId).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).values().stream().mapToLong(o -> o == null ? 0 : o.offset()).sum();
        }
    }

    @Test
    void shouldWaitForClickHouseLoseNothingAndCommitOnlyAfterTheInsert(TestKafka kafka, TestClickHouse clickHouse)
            throws Exception {
        SinkConfig config = config(kafka, clickHouse);
        produce(kafka, List.of(count("a", 1), count("a", 2), count("b", 1)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MetricSink sink = new MetricSink(config, List.of(EventCountRows.route()), registry);
        Thread worker = new Thread(sink, "sink-under-test");
        worker.start();
        try {
            // The tables do not exist yet: every insert fails, so the sink must retry and commit nothing.
            await("a retried insert", () -> registry.counter("mieruka.sink.retries").count() >= 2);
            assertThat(committed(kafka, config)).isZero();

            new Migrator(config.clickHouse).migrate();

            try (ClickHouseSession session = new ClickHouseSession(config.clickHouse)) {
                await("rows in ClickHouse", () -> session.query(
                        "SELECT count() AS n FROM event_counts FORMAT JSONEachRow").get(0).get("n").asInt() == 3);
                var current = session.query("SELECT source_system, events FROM event_counts_current"
                        + " ORDER BY source_system FORMAT JSONEachRow");
                assertThat(current).extracting(r -> r.get("source_system").asText() + "=" + r.get("events").asLong())
                        .containsExactly("a=2", "b=1");
            }
            await("offsets committed", () -> {
                try {
                    return committed(kafka, config) == 3;
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(registry.counter("mieruka.sink.rows").count()).isEqualTo(3);
        } finally {
            sink.close();
            worker.join(30_000);
        }
        assertThat(worker.isAlive()).isFalse();
    }

    @Test
    void shouldDeadLetterARecordThatIsNotAnEventCountAndKeepGoing(TestKafka kafka, TestClickHouse clickHouse)
            throws Exception {
        SinkConfig config = config(kafka, clickHouse);
        new Migrator(config.clickHouse).migrate();
        produce(kafka, List.of(count("a", 1)));
        Map<String, Object> props = kafka.clientProperties();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        long badOffset;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            badOffset = producer.send(new ProducerRecord<>(TopicCatalog.EVENT_COUNTS.name(kafka.topicPrefix()), 0,
                    "bad".getBytes(), "not avro".getBytes())).get(30, TimeUnit.SECONDS).offset();
        }
        produce(kafka, List.of(count("c", 1)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MetricSink sink = new MetricSink(config, List.of(EventCountRows.route()), registry);
        Thread worker = new Thread(sink, "sink-under-test");
        worker.start();
        try {
            await("the good rows stored", () -> registry.counter("mieruka.sink.rows").count() == 2);
            assertThat(registry.counter("mieruka.sink.rejected").count()).isEqualTo(1);
            try (Admin admin = Admin.create(kafka.clientProperties())) {
                TopicPartition dlq = new TopicPartition(TopicCatalog.DEAD_LETTER.name(kafka.topicPrefix()), 0);
                long end = admin.listOffsets(Map.of(dlq, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                        .partitionResult(dlq).get(30, TimeUnit.SECONDS).offset();
                assertThat(end).isEqualTo(1);
            }
            Map<String, Object> consumerProps = kafka.clientProperties();
            consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps)) {
                consumer.assign(List.of(new TopicPartition(TopicCatalog.DEAD_LETTER.name(kafka.topicPrefix()), 0)));
                List<DeadLetter> letters = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (letters.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> letters.add(Serdes.deadLetter().decode(r.value())));
                }
                assertThat(letters).singleElement().satisfies(letter -> {
                    assertThat(letter.getStage()).isEqualTo(Stage.SINK);
                    assertThat(letter.getReason()).isEqualTo(RejectionReason.UNDECODABLE);
                    assertThat(letter.getOriginTopic()).isEqualTo(TopicCatalog.EVENT_COUNTS.name(kafka.topicPrefix()));
                    assertThat(letter.getOriginOffset()).isEqualTo(badOffset);
                    assertThat(letter.getPayload().remaining()).isEqualTo("not avro".length());
                });
            }
        } finally {
            sink.close();
            worker.join(30_000);
        }
        assertThat(Set.of(worker.isAlive())).containsExactly(false);
    }

}
