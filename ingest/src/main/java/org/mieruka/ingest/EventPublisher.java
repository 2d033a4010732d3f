package org.mieruka.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * Writes requests' accepted events and dead letters to Kafka in transactions (idempotent,
 * acks=all): each request's records become visible to read_committed readers all together or not
 * at all. Requests that arrive while a transaction commits are grouped into the next one (group
 * commit), since a commit costs a few round trips whatever its size; each producer of the pool
 * runs one transaction at a time, so several can be in flight.
 */
public final class EventPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    /** Most records in one transaction, so that one commit stays short. */
    private static final int MAX_RECORDS_PER_TRANSACTION = 20_000;

    private final IngestConfig config;
    private final SingleObjectSerde<WorkEvent> serde = Serdes.workEvent();
    private final SingleObjectSerde<DeadLetter> deadLetterSerde = Serdes.deadLetter();
    private final String rawTopic;
    private final String deadLetterTopic;
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean running = true;

    /** One request's records, and who waits for them. */
    private record Pending(List<ProducerRecord<byte[], byte[]>> records, CompletableFuture<Void> done) {
    }

    public EventPublisher(IngestConfig config) {
        this.config = config;
        this.rawTopic = TopicCatalog.RAW_EVENTS.name(config.topicsPrefix);
        this.deadLetterTopic = TopicCatalog.DEAD_LETTER.name(config.topicsPrefix);
        for (int i = 0; i < config.producers; i++) {
            int slot = i;
            Thread committer = new Thread(() -> commitLoop(slot), "kafka-committer-" + i);
            committer.setDaemon(true);
            committers.add(committer);
            committer.start();
        }
    }

    /** Kafka did not take the batch in time; nothing of it is visible. */
    public static final class UnavailableException extends Exception {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Returns once every record of the request is committed; throws, with nothing of it visible, otherwise. */
    public void publish(List<WorkEvent> events, List<DeadLetter> deadLetters)
            throws UnavailableException, InterruptedException {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(events.size() + deadLetters.size());
        for (WorkEvent event : events) { // encoded here, on the request's thread, so committers only send
            byte[] key = (event.getSourceSystem() + "/" + event.getEventId()).getBytes(StandardCharsets.UTF_8);
            records.add(new ProducerRecord<>(rawTopic, key, serde.encode(event)));
        }
        for (DeadLetter letter : deadLetters) {
            records.add(new ProducerRecord<>(deadLetterTopic, letter.getSource().getBytes(StandardCharsets.UTF_8),
                    deadLetterSerde.encode(letter)));
        }
        if (records.isEmpty()) {
            return;
        }
        Pending request = new Pending(records, new CompletableFuture<>());
        pending.add(request);
        try {
            // A transaction ends, committed or aborted, within the producer's delivery timeout.
            request.done().get(config.kafkaTimeout.toMillis() * 3 + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new UnavailableException("Kafka did not take the batch: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new UnavailableException("Kafka did not answer within " + config.kafkaTimeout.toMillis() + " ms", e);
        }
    }

    private void commitLoop(int slot) {
        KafkaProducer<byte[], byte[]> producer = null;
        boolean initialised = false;
        while (running) {
            List<Pending> group = new ArrayList<>();
            try {
                Pending first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int records = first.records().size();
                Pending next;
                while (records < MAX_RECORDS_PER_TRANSACTION && (next = pending.poll()) != null) {
                    group.add(next);
                    records += next.records().size();
                }
                if (producer == null) {
                    producer = newProducer(slot);
                    initialised = false;
                }
                if (!initialised) { // on first use, so that start-up needs no broker
                    producer.initTransactions();
                    initialised = true;
                }
                producer.beginTransaction();
                int rawPartitions = producer.partitionsFor(rawTopic).size();
                for (Pending request : group) {
                    for (ProducerRecord<byte[], byte[]> record : request.records()) {
                        producer.send(record.topic().equals(rawTopic) ? bySource(record, rawPartitions) : record);
                    }
                }
                producer.commitTransaction(); // flushes; throws if any send failed, and then nothing is visible
                group.forEach(request -> request.done().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                group.forEach(request -> request.done().completeExceptionally(e));
                break;
            } catch (KafkaException e) {
                LOG.warn("transaction not committed requests={} error={}", group.size(), e.toString());
                group.forEach(request -> request.done().completeExceptionally(e));
                producer = closeQuietly(producer, slot); // a producer whose transaction failed may be unusable
            }
        }
        closeQuietly(producer, slot);
    }

    /**
     * A source's events all go to one partition of the raw topic, in the order they were accepted, so
     * that the stream processors see each source's events in arrival order: the contract's lateness
     * is judged on a source's stream time. The record key stays source_system/event_id.
     */
    static ProducerRecord<byte[], byte[]> bySource(ProducerRecord<byte[], byte[]> record, int partitions) {
        byte[] key = record.key();
        int slash = 0;
        while (slash < key.length && key[slash] != '/') {
            slash++;
        }
        byte[] source = java.util.Arrays.copyOf(key, slash);
        int partition = org.apache.kafka.common.utils.Utils.toPositive(
                org.apache.kafka.common.utils.Utils.murmur2(source)) % partitions;
        return new ProducerRecord<>(record.topic(), partition, key, record.value());
    }

    private static KafkaProducer<byte[], byte[]> closeQuietly(KafkaProducer<byte[], byte[]> producer, int slot) {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("closing producer slot={} error={}", slot, e.toString());
            }
        }
        return null;
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
        running = false;
        for (Thread committer : committers) {
            try {
                committer.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Pending left;
        while ((left = pending.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("collector stopping"));
        }
    }
}
