package org.mieruka.simulate.truth;

import java.time.LocalDate;
import java.util.List;
import org.mieruka.schemas.event.WorkEvent;

/**
 * The work time one activity event is credited with (metrics.md §1).
 *
 * @param event      the event
 * @param date       local date of its occurred_at: the whole credit belongs to it
 * @param interval   its credited interval before meeting time is taken out
 * @param pieces     what is left of it after meeting time is taken out (the credit, on the clock)
 * @param afterHours the part of the pieces outside working hours, in ms
 */
record Credit(WorkEvent event, LocalDate date, Span interval, List<Span> pieces, long afterHours) {

    long millis() {
        return Span.length(pieces);
    }
}
