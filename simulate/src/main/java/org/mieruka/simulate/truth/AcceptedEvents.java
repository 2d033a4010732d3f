package org.mieruka.simulate.truth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mieruka.schemas.event.WorkEvent;

/**
 * Which events of a feed the pipeline accepts, in arrival order (metrics.md §0): a repeated
 * (source_system, event_id) is ignored and, if its content differs, counted as a conflict; an event
 * is LATE when its source's stream time (the largest occurred_at accepted so far from that source)
 * has passed local midnight at the end of its date plus the grace.
 */
final class AcceptedEvents {

    final List<WorkEvent> accepted = new ArrayList<>();
    final List<WorkEvent> late = new ArrayList<>();
    long duplicates;
    long conflicts;

    AcceptedEvents(List<WorkEvent> arrivals, TruthSettings settings) {
        Map<String, WorkEvent> byKey = new HashMap<>();
        Map<String, Instant> streamTime = new HashMap<>();
        for (WorkEvent event : arrivals) {
            String key = event.getSourceSystem() + "\u0000" + event.getEventId();
            WorkEvent first = byKey.get(key);
            if (first != null) {
                duplicates++;
                if (!sameContent(first, event)) {
                    conflicts++;
                }
                continue;
            }
            Instant time = streamTime.get(event.getSourceSystem());
            LocalDate date = event.getOccurredAt().atZone(settings.zone()).toLocalDate();
            Instant deadline = date.plusDays(1).atStartOfDay(settings.zone()).toInstant().plus(settings.latenessGrace());
            if (time != null && time.isAfter(deadline)) {
                late.add(event);
                continue;
            }
            byKey.put(key, event);
            accepted.add(event);
            if (time == null || event.getOccurredAt().isAfter(time)) {
                streamTime.put(event.getSourceSystem(), event.getOccurredAt());
            }
        }
    }

    /** Equal as facts: the arrival time the collector stamps is not part of the content. */
    private static boolean sameContent(WorkEvent a, WorkEvent b) {
        WorkEvent left = WorkEvent.newBuilder(a).setReceivedAt(null).build();
        WorkEvent right = WorkEvent.newBuilder(b).setReceivedAt(null).build();
        return left.equals(right);
    }
}
