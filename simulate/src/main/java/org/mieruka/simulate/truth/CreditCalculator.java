package org.mieruka.simulate.truth;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.WorkEvent;

/**
 * Work time credit of one employee's activity events, exactly as metrics.md §1 words it: each event
 * gets an interval from its occurred_at (meetings their duration, logoff nothing, others up to the
 * next event if that comes within the gap, else the tail); meeting time counts once, each instant
 * to the meeting that started first; other events lose whatever meeting time covers.
 */
final class CreditCalculator {

    static final Comparator<WorkEvent> ORDER = Comparator.comparing(WorkEvent::getOccurredAt)
            .thenComparing(WorkEvent::getSourceSystem).thenComparing(WorkEvent::getEventId);

    private final TruthSettings settings;
    private final Predicate<LocalDate> workingDay;

    CreditCalculator(TruthSettings settings, Predicate<LocalDate> workingDay) {
        this.settings = settings;
        this.workingDay = workingDay;
    }

    /** The credits of one employee's activity events (any order in, the contract's order out). */
    List<Credit> credit(List<WorkEvent> activity) {
        List<WorkEvent> events = new ArrayList<>(activity);
        events.sort(ORDER);
        List<Span> intervals = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            intervals.add(interval(events, i));
        }
        List<Span> meetingCover = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).getKind() == EventKind.MEETING) {
                meetingCover.add(intervals.get(i));
            }
        }
        List<Span> allMeetings = Span.union(meetingCover);

        List<Credit> credits = new ArrayList<>();
        List<Span> earlierMeetings = new ArrayList<>(); // events are sorted, so earlier = started first (ties broken)
        for (int i = 0; i < events.size(); i++) {
            WorkEvent event = events.get(i);
            Span interval = intervals.get(i);
            List<Span> pieces;
            if (event.getKind() == EventKind.MEETING) {
                pieces = interval.minus(Span.union(earlierMeetings));
                earlierMeetings.add(interval);
            } else {
                pieces = interval.minus(allMeetings);
            }
            LocalDate date = event.getOccurredAt().atZone(settings.zone()).toLocalDate();
            credits.add(new Credit(event, date, interval, pieces, afterHours(pieces)));
        }
        return credits;
    }

    private Span interval(List<WorkEvent> events, int i) {
        WorkEvent event = events.get(i);
        long start = event.getOccurredAt().toEpochMilli();
        if (event.getKind() == EventKind.MEETING) {
            return new Span(start, start + event.getDurationMs());
        }
        if (event.getKind() == EventKind.PRESENCE && "logoff".equals(event.getAction())) {
            return new Span(start, start);
        }
        if (i + 1 < events.size()) {
            long next = events.get(i + 1).getOccurredAt().toEpochMilli();
            if (next - start <= settings.activityGap().toMillis()) {
                return new Span(start, next);
            }
        }
        return new Span(start, start + settings.activityTail().toMillis());
    }

    /** The part of the pieces outside working hours, each instant judged on the date it falls on. */
    private long afterHours(List<Span> pieces) {
        long outside = 0;
        for (Span piece : pieces) {
            outside += piece.length() - piece.overlap(workingHours(piece));
        }
        return outside;
    }

    private List<Span> workingHours(Span piece) {
        List<Span> windows = new ArrayList<>();
        LocalDate first = java.time.Instant.ofEpochMilli(piece.start()).atZone(settings.zone()).toLocalDate();
        LocalDate last = java.time.Instant.ofEpochMilli(Math.max(piece.start(), piece.end() - 1))
                .atZone(settings.zone()).toLocalDate();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (workingDay.test(day)) {
                ZonedDateTime from = day.atTime(settings.workStart()).atZone(settings.zone());
                ZonedDateTime to = day.atTime(settings.workEnd()).atZone(settings.zone());
                windows.add(new Span(from.toInstant().toEpochMilli(), to.toInstant().toEpochMilli()));
            }
        }
        return windows;
    }
}
