package org.mieruka.streams.workload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Work time credit of one employee's activity events, metrics.md §1: each event's credited
 * interval starts at its occurred_at (meetings: their duration; logoff: empty; others: up to the
 * next activity event within activity.gap, else activity.tail); meeting time counts once, each
 * instant to the meeting that started first; other events lose whatever any meeting covers.
 */
final class WorkCreditCalculator {

    private final WorkRules rules;

    WorkCreditCalculator(WorkRules rules) {
        this.rules = rules;
    }

    /**
     * @param events one employee's activity events in {@link Activity#ORDER}, covering at least the
     *               local dates before and after the ones whose credits are used (a credit depends on
     *               the next event and on meetings that run over midnight)
     */
    List<Credited> credit(List<Activity> events) {
        int n = events.size();
        Interval[] intervals = new Interval[n];
        List<Interval> meetings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            intervals[i] = interval(events, i);
            if (events.get(i).isMeeting()) {
                meetings.add(intervals[i]);
            }
        }
        List<Interval> meetingCover = Interval.unionOfSorted(meetings);
        List<Credited> credited = new ArrayList<>(n);
        long earlierMeetingsEnd = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            Activity event = events.get(i);
            Interval interval = intervals[i];
            List<Interval> pieces;
            if (event.isMeeting()) {
                // Every earlier meeting started at or before this one, so together they cover exactly
                // [start, the latest end among them): the rest of this meeting is its own.
                long from = Math.max(interval.start(), earlierMeetingsEnd);
                pieces = from < interval.end() ? List.of(new Interval(from, interval.end())) : List.of();
                earlierMeetingsEnd = Math.max(earlierMeetingsEnd, interval.end());
            } else {
                pieces = interval.minus(meetingCover);
            }
            long credit = 0;
            long afterHours = 0;
            for (Interval piece : pieces) {
                credit += piece.length();
                afterHours += piece.length() - workingPart(piece);
            }
            credited.add(new Credited(event, interval, credit, afterHours));
        }
        return credited;
    }

    private Interval interval(List<Activity> events, int i) {
        Activity event = events.get(i);
        long start = event.occurredAt();
        if (event.isMeeting()) {
            return new Interval(start, start + Math.max(0, event.durationMs()));
        }
        if (event.isLogoff()) {
            return new Interval(start, start);
        }
        if (i + 1 < events.size()) {
            long next = events.get(i + 1).occurredAt();
            if (next - start <= rules.gap().toMillis()) {
                return new Interval(start, next);
            }
        }
        return new Interval(start, start + rules.tail().toMillis());
    }

    /** How much of {@code piece} lies in working hours, each instant judged on the date it falls on. */
    private long workingPart(Interval piece) {
        if (piece.length() == 0) {
            return 0;
        }
        LocalDate first = rules.date(piece.start());
        LocalDate last = rules.date(piece.end() - 1);
        long inside = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Interval hours = rules.workingHours(day);
            if (hours != null) {
                inside += piece.overlap(hours);
            }
        }
        return inside;
    }
}
