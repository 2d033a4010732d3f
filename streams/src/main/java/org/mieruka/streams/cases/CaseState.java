package org.mieruka.streams.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stored state of one case: its events (in metrics.md §3 order), the process last resolved for
 * it (null when no event carries one) and the version of the last WorkCase emitted. Every event is
 * kept because a late event can change any figure, and the process change re-emits earlier events.
 */
public final class CaseState {

    private long version;
    private String process;
    private final List<CaseEvent> events;

    public CaseState() {
        this(0, null, List.of());
    }

    public CaseState(long version, String process, List<CaseEvent> events) {
        this.version = version;
        this.process = process;
        this.events = new ArrayList<>(events);
        this.events.sort(CaseEvent.ORDER);
    }

    public long version() {
        return version;
    }

    /**
     * The version of the next WorkCase: above the last, and at least {@code floor} (see
     * {@link org.mieruka.streams.workload.RecordVersion}), so that reprocessing from scratch
     * supersedes what an earlier run wrote.
     */
    public long nextVersion(long floor) {
        version = Math.max(version + 1, floor);
        return version;
    }

    /** The process last resolved, null when no event of the case carries one. */
    public String process() {
        return process;
    }

    public void process(String process) {
        this.process = process;
    }

    /** The events in (occurred_at, source_system, event_id) order; unmodifiable. */
    public List<CaseEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /**
     * Adds the event, or replaces the stored one with the same event_id (a case never spans sources),
     * so that a repeat is never counted twice. Returns true when it replaced one.
     */
    public boolean put(CaseEvent event) {
        boolean replaced = events.removeIf(stored -> stored.eventId().equals(event.eventId()));
        int at = Collections.binarySearch(events, event, CaseEvent.ORDER);
        events.add(at < 0 ? -at - 1 : at, event);
        return replaced;
    }
}
