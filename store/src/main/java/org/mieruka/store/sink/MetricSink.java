package org.mieruka.store.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.mieruka.schemas.deadletter.DeadLetter;
import org.mieruka.schemas.deadletter.DeadLetters;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.deadletter.Stage;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.serde.SingleObjectSerde;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.store.ClickHouseSession;
import org.mieruka.store.ClickHouseStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves metric records from Kafka into ClickHouse: reads committed records only, inserts them in
 * batches, and commits offsets only after ClickHouse took the insert. A crash in between re-delivers
 * the batch; the tables' keys and versions make the second copy harmless (see store/DESIGN.md).
 */
public final class MetricSink implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricSink.class);

    private final SinkConfig config;
    private final Map<String, SinkRoute> routesByTopic = new LinkedHashMap<>();
    private final Map<String, PendingBatch> batches = new HashMap<>();
    private final ClickHouseSession clickHouse;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final SingleObjectSerde<DeadLetter> deadLetterSerde = Serdes.deadLetter();
    private final String deadLetterTopic;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final KafkaClientMetrics consumerMetrics;
    private final Counter rowsWritten;
    private final Counter batchesWritten;
    private final Counter retries;
    private final Counter rejected;
    private final Timer insertLatency;

    public MetricSink(SinkConfig config, Collection<SinkRoute> routes, MeterRegistry registry) {
        this.config = config;
        for (SinkRoute route : routes) {
            routesByTopic.put(route.topic().name(config.topicsPrefix), route);
            batches.put(route.table(), new PendingBatch(config.batchRows, config.batchMaxDelay));
        }
        this.clickHouse = new ClickHouseSession(config.clickHouse);
        this.consumer = new KafkaConsumer<>(consumerProperties(config));
        this.deadLetters = new KafkaProducer<>(producerProperties(config));
        this.deadLetterTopic = TopicCatalog.DEAD_LETTER.name(config.topicsPrefix);
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(registry);
        this.rowsWritten = Counter.builder("mieruka.sink.rows").description("Rows inserted into ClickHouse")
                .register(registry);
        this.batchesWritten = Counter.builder("mieruka.sink.batches").description("Inserts that succeeded")
                .register(registry);
        this.retries = Counter.builder("mieruka.sink.retries").description("Inserts retried after a failure")
                .register(registry);
        this.rejected = Counter.builder("mieruka.sink.rejected").description("Records sent to the dead-letter topic")
                .register(registry);
        this.insertLatency = Timer.builder("mieruka.sink.insert.latency").description("Time of one insert")
                .publishPercentileHistogram().register(registry);
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(routesByTopic.keySet(), new Rebalance());
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    accept(record);
                }
                flushDue(false);
            }
            flushDue(true);
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(10)));
            deadLetters.close(Duration.ofSeconds(10));
            clickHouse.close();
            consumerMetrics.close();
        }
    }

    private void accept(ConsumerRecord<byte[], byte[]> record) {
        SinkRoute route = routesByTopic.get(record.topic());
        PendingBatch batch = batches.get(route.table());
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        String row;
        try {
            row = route.mapper().toRow(record.value());
        } catch (RowRejectedException e) {
            LOG.warn("record rejected topic={} partition={} offset={} reason={}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            DeadLetter letter = DeadLetters.ofRecord(null, Stage.SINK, RejectionReason.UNDECODABLE, null,
                    e.getMessage(), record.value(), Instant.now(), record.topic(), record.partition(), record.offset());
            deadLetters.send(new ProducerRecord<>(deadLetterTopic, letter.getSource().getBytes(StandardCharsets.UTF_8),
                    deadLetterSerde.encode(letter)));
            rejected.increment();
            row = null; // its offset still moves forward with the batch
        }
        batch.add(row, partition, record.offset(), System.nanoTime());
    }

    private void flushDue(boolean all) {
        long now = System.nanoTime();
        for (Map.Entry<String, PendingBatch> entry : batches.entrySet()) {
            PendingBatch batch = entry.getValue();
            if (!batch.isEmpty() && (all || batch.due(now))) {
                if (!write(entry.getKey(), batch)) {
                    return; // stopped while ClickHouse was away: the batch is re-read on the next start
                }
                commit(batch);
                batch.clear();
            }
        }
    }

    /** Inserts, retrying with backoff while ClickHouse is unavailable; false if stopped meanwhile. */
    private boolean write(String table, PendingBatch batch) {
        if (batch.rows().isEmpty()) {
            deadLetters.flush();
            return true;
        }
        Duration backoff = config.retryInitial;
        boolean paused = false;
        try {
            while (true) {
                if (batch.isEmpty()) {
                    return false; // a rebalance while waiting handed the rows back to Kafka
                }
                try {
                    insertLatency.record(() -> clickHouse.insertJsonEachRow(table, batch.rows()));
                    deadLetters.flush();
                    rowsWritten.increment(batch.rows().size());
                    batchesWritten.increment();
                    return true;
                } catch (ClickHouseStatementException e) {
                    retries.increment();
                    LOG.warn("insert failed, will retry table={} rows={} backoff_ms={} retriable={} error={}",
                            table, batch.rows().size(), backoff.toMillis(), e.retriable(), e.getMessage());
                    if (!running.get()) {
                        return false;
                    }
                    if (!paused) {
                        consumer.pause(consumer.assignment());
                        paused = true;
                    }
                    consumer.poll(backoff); // keeps the group membership while waiting; paused, so returns nothing
                    backoff = backoff.multipliedBy(2).compareTo(config.retryMax) > 0 ? config.retryMax
                            : backoff.multipliedBy(2);
                }
            }
        } finally {
            if (paused) {
                consumer.resume(consumer.paused());
            }
        }
    }

    private void commit(PendingBatch batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        batch.nextOffsets().forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        consumer.commitSync(offsets);
    }

    /** On losing partitions: write what is buffered; if that fails, forget it and re-read from the commit. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            for (Map.Entry<String, PendingBatch> entry : batches.entrySet()) {
                PendingBatch batch = entry.getValue();
                if (batch.isEmpty()) {
                    continue;
                }
                try {
                    clickHouse.insertJsonEachRow(entry.getKey(), batch.rows());
                    commit(batch);
                } catch (RuntimeException e) {
                    LOG.warn("batch dropped on rebalance, it will be re-read table={} rows={}", entry.getKey(),
                            batch.rows().size());
                    rewind();
                }
                batch.clear();
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }
    }

    private void rewind() {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(consumer.assignment());
        for (TopicPartition partition : consumer.assignment()) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(java.util.List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
        batches.values().forEach(PendingBatch::clear);
    }

    /** Stops after the current batch; safe to call from another thread. */
    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }

    private static Properties consumerProperties(SinkConfig config) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(config.batchRows, 5_000));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    private static Properties producerProperties(SinkConfig config) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }
}
