package org.mieruka.simulate.truth;

import java.time.Instant;
import java.util.List;
import org.mieruka.schemas.event.WorkEvent;

/**
 * One case (source_system, object_id) of WORKFLOW events, as metrics.md §3 defines its figures.
 *
 * @param steps         its step_completed events in the contract's order
 * @param opened        the earliest case_opened, or the first event when left-censored
 * @param leftCensored  no case_opened: it began before the data and enters no cycle-time aggregate
 * @param closed        the last case_closed, or null while open (a later step reopens it)
 * @param touchMillis   union of matched [started, completed] intervals; null unless every step is matched
 * @param remoteSteps   steps on HOME or SATELLITE employee-days
 * @param knownSteps    steps on employee-days whose work mode is not UNKNOWN
 */
record CaseFacts(String sourceSystem, String objectId, String process, List<WorkEvent> steps, Instant opened,
                 boolean leftCensored, Instant closed, Long touchMillis, int remoteSteps, int knownSteps) {

    Long cycleMillis() {
        return closed == null ? null : closed.toEpochMilli() - opened.toEpochMilli();
    }

    Long waitMillis() {
        Long cycle = cycleMillis();
        return cycle == null || touchMillis == null ? null : Math.max(0, cycle - touchMillis);
    }

    int handoffs() {
        int changes = 0;
        for (int i = 1; i < steps.size(); i++) {
            if (!steps.get(i).getEmployee().equals(steps.get(i - 1).getEmployee())) {
                changes++;
            }
        }
        return changes;
    }

    List<String> variant() {
        return steps.stream().map(s -> s.getAttributes().get("step")).toList();
    }
}
