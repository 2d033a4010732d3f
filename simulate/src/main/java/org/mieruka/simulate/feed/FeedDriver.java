package org.mieruka.simulate.feed;

import java.util.List;
import java.util.function.LongConsumer;
import org.mieruka.schemas.event.WorkEvent;

/** Sends events to a sink in batches, in arrival order, at the pacer's rate. */
public final class FeedDriver {

    private final EventSink sink;
    private final int batchSize;
    private final Pacer pacer;

    public FeedDriver(EventSink sink, int batchSize, Pacer pacer) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.sink = sink;
        this.batchSize = batchSize;
        this.pacer = pacer;
    }

    /** @param progress hears the number of events sent after each batch */
    public long send(List<WorkEvent> events, LongConsumer progress) throws Exception {
        long sent = 0;
        for (int from = 0; from < events.size(); from += batchSize) {
            List<WorkEvent> batch = events.subList(from, Math.min(events.size(), from + batchSize));
            pacer.acquire(batch.size());
            sink.send(batch);
            sent += batch.size();
            progress.accept(sent);
        }
        return sent;
    }

    public double achievedPerSecond() {
        return pacer.achievedPerSecond();
    }
}
