package org.mieruka.streams.aggregate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Weeks start on Monday and are named by that Monday's date (metrics.md §0). */
final class Weeks {

    private Weeks() {
    }

    static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
