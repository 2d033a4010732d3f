package org.mieruka.streams.workload;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Predicate;

/**
 * The thresholds of metrics.md §0–§2 the workload stage applies, each a setting.
 *
 * @param zone       city.time_zone: every date and working hour is local to it
 * @param gap        activity.gap: a non-meeting event is credited up to the next activity event at most this later
 * @param tail       activity.tail: otherwise it is credited this much
 * @param workStart  start of working hours on working days
 * @param workEnd    end (exclusive) of working hours on working days
 * @param workingDay the city calendar: false on weekends, holidays and closing days
 */
public record WorkRules(ZoneId zone, Duration gap, Duration tail, LocalTime workStart, LocalTime workEnd,
                        Predicate<LocalDate> workingDay) {

    /** The same rules with another calendar. */
    public WorkRules withWorkingDay(Predicate<LocalDate> calendar) {
        return new WorkRules(zone, gap, tail, workStart, workEnd, calendar);
    }

    public LocalDate date(long epochMillis) {
        return java.time.Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
    }

    /** [start, end) of working hours on {@code date} in epoch ms, or null on a non-working day. */
    Interval workingHours(LocalDate date) {
        if (!workingDay.test(date)) {
            return null;
        }
        return new Interval(date.atTime(workStart).atZone(zone).toInstant().toEpochMilli(),
                date.atTime(workEnd).atZone(zone).toInstant().toEpochMilli());
    }
}
