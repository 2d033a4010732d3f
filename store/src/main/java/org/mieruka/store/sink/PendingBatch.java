package org.mieruka.store.sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Rows waiting for one insert, with the offsets to commit once ClickHouse has them. Pure: it decides
 * when a batch is due; the sink does the writing and the committing.
 */
public final class PendingBatch {

    private final int maxRows;
    private final Duration maxDelay;
    private final List<String> rows = new ArrayList<>();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private long firstAddedNanos;

    public PendingBatch(int maxRows, Duration maxDelay) {
        this.maxRows = maxRows;
        this.maxDelay = maxDelay;
    }

    public void add(String row, TopicPartition partition, long offset, long nowNanos) {
        if (rows.isEmpty() && nextOffsets.isEmpty()) {
            firstAddedNanos = nowNanos;
        }
        if (row != null) {
            rows.add(row);
        }
        nextOffsets.merge(partition, offset + 1, Math::max);
    }

    /** Full, or its oldest row has waited long enough. */
    public boolean due(long nowNanos) {
        return rows.size() >= maxRows
                || (!isEmpty() && nowNanos - firstAddedNanos >= maxDelay.toNanos());
    }

    public boolean isEmpty() {
        return rows.isEmpty() && nextOffsets.isEmpty();
    }

    public List<String> rows() {
        return List.copyOf(rows);
    }

    /** Offsets to commit after the insert: one past the last record of each partition. */
    public Map<TopicPartition, Long> nextOffsets() {
        return Map.copyOf(nextOffsets);
    }

    public void clear() {
        rows.clear();
        nextOffsets.clear();
    }
}
