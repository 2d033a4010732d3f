package org.mieruka.streams.workload;

import java.util.Comparator;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.event.PseudonymousEvent;

/**
 * The facts of one accepted event that the workload rules use, as kept in the employee-day store:
 * a compact copy rather than the whole record, so a recomputation decodes little.
 *
 * @param durationMs meeting duration, or -1 when absent
 * @param step       attributes.step, or null
 * @param reportDate attributes.date of a WORK_MODE report (YYYY-MM-DD), else null
 */
public record Activity(String sourceSystem, String eventId, EventKind kind, String action, long occurredAt,
                       String orgUnit, String objectId, String processCode, Channel channel, Location location,
                       long durationMs, String step, String reportDate, String pseudonymKey) {

    /** The contract's order of one employee's events: occurred_at, then source_system, then event_id. */
    static final Comparator<Activity> ORDER = Comparator.comparingLong(Activity::occurredAt)
            .thenComparing(Activity::sourceSystem).thenComparing(Activity::eventId);

    public static Activity of(PseudonymousEvent event) {
        return new Activity(event.getSourceSystem(), event.getEventId(), event.getKind(), event.getAction(),
                event.getOccurredAt().toEpochMilli(), event.getOrgUnit(), event.getObjectId(), event.getProcessCode(),
                event.getChannel(), event.getLocation(), event.getDurationMs() == null ? -1 : event.getDurationMs(),
                event.getAttributes() == null ? null : event.getAttributes().get("step"),
                event.getAttributes() == null ? null : event.getAttributes().get("date"), event.getPseudonymKey());
    }

    /** (source_system, event_id): the idempotency key. */
    String key() {
        return sourceSystem + "/" + eventId;
    }

    boolean sameEvent(Activity other) {
        return eventId.equals(other.eventId) && sourceSystem.equals(other.sourceSystem);
    }

    boolean isMeeting() {
        return kind == EventKind.MEETING;
    }

    boolean isLogoff() {
        return kind == EventKind.PRESENCE && "logoff".equals(action);
    }
}
