package org.mieruka.streams.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the workload stage keeps per employee and local date: the date's activity events, the
 * latest work-mode report for it, and fingerprints of what it last emitted, so a recomputation
 * sends only the records that changed, each with the day's next version. Stored by {@link DayBook}
 * as one small entry for the day and one per event, so that an event rewrites only what it changed.
 */
final class DayState {

    long version;
    long emittedDay;
    final List<Activity> activities;
    Activity report;
    final Map<String, Long> emittedCredits;
    /** Whether the day is already in the store (and in its employee's index of days). */
    boolean stored;
    /** Events whose stored entry (the event or its emitted fingerprint) must be written again. */
    final Set<String> dirty = new HashSet<>();

    DayState() {
        this(0, 0, new ArrayList<>(), null, new HashMap<>());
    }

    DayState(long version, long emittedDay, List<Activity> activities, Activity report,
             Map<String, Long> emittedCredits) {
        this.version = version;
        this.emittedDay = emittedDay;
        this.activities = activities;
        this.report = report;
        this.emittedCredits = emittedCredits;
    }

    /**
     * Adds the event, or replaces the one with its (source_system, event_id): an update from
     * upstream. Returns whether it was new.
     */
    boolean put(Activity activity) {
        for (int i = 0; i < activities.size(); i++) {
            if (activities.get(i).sameEvent(activity)) {
                activities.set(i, activity);
                dirty.add(activity.key());
                return false;
            }
        }
        activities.add(activity);
        dirty.add(activity.key());
        return true;
    }

    /** Remembers what was emitted for an event's credit. */
    void emitted(String eventKey, long fingerprint) {
        emittedCredits.put(eventKey, fingerprint);
        dirty.add(eventKey);
    }

    /**
     * Keeps {@code candidate} when it is later than the current report by (occurred_at,
     * source_system, event_id); returns whether it changed anything.
     */
    boolean offerReport(Activity candidate) {
        if (report != null && (report.sameEvent(candidate) ? report.equals(candidate)
                : Activity.ORDER.compare(report, candidate) > 0)) {
            return false;
        }
        report = candidate;
        return true;
    }
}
