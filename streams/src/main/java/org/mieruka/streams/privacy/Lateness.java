package org.mieruka.streams.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * metrics.md §0 "Lateness": an event is LATE when its source's stream time (the largest occurred_at
 * accepted so far from the same source_system) has passed local midnight at the end of its local
 * date plus the grace. A work-mode report is judged by its own occurred_at, like any event.
 */
record Lateness(ZoneId zone, Duration grace) {

    /** True when an event that happened at {@code occurredAt} is too late for a source whose stream time is given. */
    boolean late(Instant occurredAt, Long sourceStreamTime) {
        if (sourceStreamTime == null) {
            return false;
        }
        Instant deadline = occurredAt.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant().plus(grace);
        return Instant.ofEpochMilli(sourceStreamTime).isAfter(deadline);
    }
}
