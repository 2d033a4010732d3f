package org.mieruka.streams.cases;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import org.mieruka.schemas.event.PseudonymousEvent;

/**
 * One WORKFLOW event of a case: the facts the case figures are computed from, read once from the
 * original, and the original itself, which is re-emitted when the case's process changes.
 *
 * @param processCode the event's own process_code, null when it carries none
 * @param step        attributes.step, null when absent
 */
public record CaseEvent(String eventId, String sourceSystem, String action, long occurredAt,
                        String employeePseudonym, String processCode, String step, PseudonymousEvent original) {

    public static final String CASE_OPENED = "case_opened";
    public static final String STEP_STARTED = "step_started";
    public static final String STEP_COMPLETED = "step_completed";
    public static final String CASE_CLOSED = "case_closed";

    /** metrics.md §3 orders a case's events by (occurred_at, source_system, event_id). */
    public static final Comparator<CaseEvent> ORDER = Comparator.comparingLong(CaseEvent::occurredAt)
            .thenComparing(CaseEvent::sourceSystem).thenComparing(CaseEvent::eventId);

    public CaseEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(original, "original");
    }

    public static CaseEvent of(PseudonymousEvent event) {
        Map<String, String> attributes = event.getAttributes();
        String step = attributes == null ? null : attributes.get("step");
        // The JSON form treats an empty string as absent; so does the case.
        String process = event.getProcessCode() == null || event.getProcessCode().isEmpty() ? null
                : event.getProcessCode();
        return new CaseEvent(event.getEventId(), event.getSourceSystem(), event.getAction(),
                event.getOccurredAt().toEpochMilli(), event.getEmployeePseudonym(), process, step, event);
    }

    boolean isStep() {
        return STEP_COMPLETED.equals(action);
    }
}
