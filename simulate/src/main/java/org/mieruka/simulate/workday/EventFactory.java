package org.mieruka.simulate.workday;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.WorkEvent;

/**
 * Builds events as each source system would record them, with ids unique within the source and
 * numbered in generation order, so that the same seed gives the same ids.
 */
final class EventFactory {

    static final String LOGON = "pc-logon";
    static final String SATELLITE = "satellite-office";
    static final String DOCUMENTS = "docs-m365";
    static final String MEETINGS = "teams";
    static final String WORKFLOW = "approval-sys";
    static final String WORK_MODE = "workmode-form";

    private final Map<String, Long> sequences = new HashMap<>();

    WorkEvent.Builder event(String source, EventKind kind, String action, String employee, ZonedDateTime at) {
        long sequence = sequences.merge(source, 1L, Long::sum);
        return WorkEvent.newBuilder()
                .setEventId(source + "-" + String.format("%09d", sequence))
                .setSourceSystem(source)
                .setKind(kind)
                .setAction(action)
                .setEmployee(employee)
                .setOccurredAt(at.toInstant())
                .setAttributes(new HashMap<>());
    }
}
