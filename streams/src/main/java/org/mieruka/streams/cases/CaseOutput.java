package org.mieruka.streams.cases;

import java.util.Objects;
import org.mieruka.schemas.event.PseudonymousEvent;
import org.mieruka.schemas.metric.WorkCase;

/**
 * What the case stage forwards: an event (keyed by its employee_pseudonym, with the case's process
 * filled in) or a case (keyed by source_system/object_id), so one processor feeds two sinks. Exactly
 * one of {@code event} and {@code workCase} is set; {@code key} is also the forwarded record's key.
 * Never serialized.
 */
public record CaseOutput(String key, PseudonymousEvent event, WorkCase workCase) {

    public CaseOutput {
        if ((event == null) == (workCase == null)) {
            throw new IllegalArgumentException("exactly one of event and workCase");
        }
    }

    public static CaseOutput ofEvent(PseudonymousEvent event) {
        return new CaseOutput(Objects.requireNonNull(event, "event").getEmployeePseudonym(), event, null);
    }

    public static CaseOutput ofCase(String caseKey, WorkCase workCase) {
        return new CaseOutput(caseKey, null, Objects.requireNonNull(workCase, "workCase"));
    }

    public boolean isEvent() {
        return event != null;
    }

    public boolean isCase() {
        return workCase != null;
    }
}
