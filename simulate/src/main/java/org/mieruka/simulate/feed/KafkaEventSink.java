package org.mieruka.simulate.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mieruka.ingest.EventPublisher;
import org.mieruka.ingest.IdempotentWriter;
import org.mieruka.ingest.IngestConfig;
import org.mieruka.ingest.dedup.AcceptedKeys;
import org.mieruka.ingest.dedup.RawTopicKeys;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.topic.TopicCatalog;

/**
 * Straight to Kafka through the collectors' own write path ({@link IdempotentWriter} over
 * {@link EventPublisher}: one transaction a batch, idempotent, acks=all, and no event id written
 * twice — so running the same simulation again adds nothing), stamping {@code received_at} as the
 * collector would.
 */
public final class KafkaEventSink implements EventSink {

    private final EventPublisher publisher;
    private final RawTopicKeys storedIds;
    private final IdempotentWriter writer;
    private long duplicates;

    /** Loads the ids already in the raw topic first (at most five minutes). */
    public KafkaEventSink(IngestConfig config) throws InterruptedException {
        this.publisher = new EventPublisher(config);
        AcceptedKeys keys = new AcceptedKeys();
        this.storedIds = new RawTopicKeys(config.bootstrap, TopicCatalog.RAW_EVENTS.name(config.topicsPrefix), keys);
        storedIds.start();
        if (!storedIds.awaitCaughtUp(Duration.ofMinutes(5))) {
            close();
            throw new IllegalStateException("could not read the ids already in Kafka at " + config.bootstrap);
        }
        this.writer = new IdempotentWriter(publisher, keys);
    }

    /** Events not written because their id already was. */
    public long duplicates() {
        return duplicates;
    }

    @Override
    public void send(List<WorkEvent> batch) throws Exception {
        Instant now = Instant.now();
        List<WorkEvent> stamped = batch.stream()
                .map(e -> WorkEvent.newBuilder(e).setReceivedAt(now).build()).toList();
        duplicates += writer.write(stamped, List.of()).duplicates();
    }

    @Override
    public void close() {
        storedIds.close();
        publisher.close();
    }
}
