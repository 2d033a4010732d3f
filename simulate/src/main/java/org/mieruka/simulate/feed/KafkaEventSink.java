package org.mieruka.simulate.feed;

import java.time.Instant;
import java.util.List;
import org.mieruka.ingest.EventPublisher;
import org.mieruka.ingest.IngestConfig;
import org.mieruka.schemas.event.WorkEvent;

/**
 * Straight to Kafka through the collectors' own producer path ({@link EventPublisher}: one
 * transaction a batch, idempotent, acks=all), stamping {@code received_at} as the collector would.
 */
public final class KafkaEventSink implements EventSink {

    private final EventPublisher publisher;

    public KafkaEventSink(IngestConfig config) {
        this.publisher = new EventPublisher(config);
    }

    @Override
    public void send(List<WorkEvent> batch) throws Exception {
        Instant now = Instant.now();
        List<WorkEvent> stamped = batch.stream()
                .map(e -> WorkEvent.newBuilder(e).setReceivedAt(now).build()).toList();
        publisher.publish(stamped, List.of());
    }

    @Override
    public void close() {
        publisher.close();
    }
}
