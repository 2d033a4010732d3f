package org.mieruka.ingest;

import java.util.ArrayList;
import java.util.List;
import org.mieruka.ingest.dedup.AcceptedKeys;
import org.mieruka.ingest.dedup.EventKey;
import org.mieruka.schemas.deadletter.DeadLetter;
import org.mieruka.schemas.event.WorkEvent;

/**
 * Writes a batch of accepted events, leaving out every event whose (source_system, event_id) was
 * already written — by an earlier try of the same batch, another collector, or an earlier import of
 * the same file — so Kafka holds one record per event id. Used by the HTTP collector and the
 * importers alike.
 */
public final class IdempotentWriter {

    private final EventPublisher publisher;
    private final AcceptedKeys keys;

    /** How many events were written and how many were repeats of events already written. */
    public record Outcome(int written, int duplicates) {
    }

    public IdempotentWriter(EventPublisher publisher, AcceptedKeys keys) {
        this.publisher = publisher;
        this.keys = keys;
    }

    public Outcome write(List<WorkEvent> events, List<DeadLetter> deadLetters)
            throws EventPublisher.UnavailableException, InterruptedException {
        List<EventKey> all = events.stream().map(e -> EventKey.of(e.getSourceSystem(), e.getEventId())).toList();
        List<Boolean> fresh = keys.claim(all);
        List<WorkEvent> toWrite = new ArrayList<>(events.size());
        List<EventKey> claimed = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            if (fresh.get(i)) {
                toWrite.add(events.get(i));
                claimed.add(all.get(i));
            }
        }
        boolean written = false;
        try {
            if (!toWrite.isEmpty() || !deadLetters.isEmpty()) {
                publisher.publish(toWrite, deadLetters);
            }
            written = true;
        } finally {
            if (written) {
                keys.commit(claimed);
            } else {
                keys.release(claimed);
            }
        }
        return new Outcome(toWrite.size(), events.size() - toWrite.size());
    }
}
