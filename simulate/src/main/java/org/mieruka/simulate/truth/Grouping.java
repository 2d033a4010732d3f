package org.mieruka.simulate.truth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/** The small shared rules of metrics.md §0: weeks, months, ratios and nearest-rank percentiles. */
final class Grouping {

    private Grouping() {
    }

    static LocalDate week(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static LocalDate month(LocalDate date) {
        return date.withDayOfMonth(1);
    }

    /** A ratio of sums; null when nothing is below the line. */
    static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }

    /** Nearest rank: the value at 1-based position ⌈p·n⌉ of the sorted values; null for none. */
    static Long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }

    static String orUnassigned(Object value) {
        return value == null ? EmployeeDayBook.UNASSIGNED : value.toString();
    }
}
