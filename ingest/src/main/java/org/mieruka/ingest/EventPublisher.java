package org.mieruka.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.mieruka.schemas.deadletter.DeadLetter;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.serde.SingleObjectSerde;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.topic.TopicCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one request's accepted events and dead letters to Kafka in a single transaction
 * (idempotent, acks=all): either all of them become visible to read_committed readers or none do.
 * A pool of transactional producers lets several requests write at once.
 */
public final class EventPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final IngestConfig config;
    private final BlockingQueue<Slot> pool;
    private final SingleObjectSerde<WorkEvent> serde = Serdes.workEvent();
    private final SingleObjectSerde<DeadLetter> deadLetterSerde = Serdes.deadLetter();
    private final String rawTopic;
    private final String deadLetterTopic;

    public EventPublisher(IngestConfig config) {
        this.config = config;
        this.pool = new ArrayBlockingQueue<>(config.producers);
        this.rawTopic = TopicCatalog.RAW_EVENTS.name(config.topicsPrefix);
        this.deadLetterTopic = TopicCatalog.DEAD_LETTER.name(config.topicsPrefix);
        for (int i = 0; i < config.producers; i++) {
            pool.add(new Slot(i, newProducer(i)));
        }
    }

    /** Kafka did not take the batch in time; nothing of it is visible. */
    public static final class UnavailableException extends Exception {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One transactional producer; {@code initTransactions} runs on first use so start-up needs no broker. */
    private static final class Slot {
        final int index;
        final KafkaProducer<byte[], byte[]> producer;
        boolean initialised;

        Slot(int index, KafkaProducer<byte[], byte[]> producer) {
            this.index = index;
            this.producer = producer;
        }
    }

    public void publish(List<WorkEvent> events, List<DeadLetter> deadLetters)
            throws UnavailableException, InterruptedException {
        Slot slot = pool.poll(config.kafkaTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (slot == null) {
            throw new UnavailableException("all Kafka producers busy for " + config.kafkaTimeout.toMillis() + " ms", null);
        }
        boolean healthy = false;
        try {
            KafkaProducer<byte[], byte[]> producer = slot.producer;
            if (!slot.initialised) {
                producer.initTransactions();
                slot.initialised = true;
            }
            producer.beginTransaction();
            for (WorkEvent event : events) {
                byte[] key = (event.getSourceSystem() + "/" + event.getEventId()).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(rawTopic, key, serde.encode(event)));
            }
            for (DeadLetter letter : deadLetters) {
                producer.send(new ProducerRecord<>(deadLetterTopic, letter.getSource().getBytes(StandardCharsets.UTF_8),
                        deadLetterSerde.encode(letter)));
            }
            producer.commitTransaction(); // flushes; throws if any send failed, and then nothing is visible
            healthy = true;
        } catch (KafkaException e) {
            LOG.warn("batch not written to Kafka events={} error={}", events.size(), e.toString());
            throw new UnavailableException("Kafka did not take the batch: " + e.getMessage(), e);
        } finally {
            pool.add(healthy ? slot : replace(slot));
        }
    }

    /** A producer whose transaction failed may be unusable: close it and start afresh in the same slot. */
    private Slot replace(Slot broken) {
        try {
            broken.producer.close(Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.debug("closing failed producer slot={} error={}", broken.index, e.toString());
        }
        return new Slot(broken.index, newProducer(broken.index));
    }

    private KafkaProducer<byte[], byte[]> newProducer(int slot) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "mieruka-" + config.instanceId + "-" + slot);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "mieruka-" + config.instanceId + "-" + slot);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.kafkaTimeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(config.kafkaTimeout.toMillis(), 30_000));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.kafkaTimeout.toMillis()
                + (int) Math.min(config.kafkaTimeout.toMillis(), 30_000));
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Math.max(config.kafkaTimeout.toMillis() * 2, 60_000));
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }

    @Override
    public void close() {
        for (Slot slot : pool) {
            slot.producer.close(Duration.ofSeconds(10));
        }
    }
}
