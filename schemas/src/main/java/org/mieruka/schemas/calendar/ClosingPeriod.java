package org.mieruka.schemas.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * A yearly run of days the city hall is closed (閉庁日), e.g. the year-end closing 12/29–1/3
 * of the local-government holidays ordinance. A period whose last day comes before its first
 * wraps into the next year.
 */
public record ClosingPeriod(MonthDay first, MonthDay last, String nameJa, String nameEn) {

    /** 年末年始: 29 December to 3 January, as the 休日条例 of most cities fixes it. */
    public static final ClosingPeriod YEAR_END =
            new ClosingPeriod(MonthDay.of(12, 29), MonthDay.of(1, 3), "年末年始", "Year-end holidays");

    public ClosingPeriod {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(nameJa, "nameJa");
        Objects.requireNonNull(nameEn, "nameEn");
    }

    public boolean contains(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        if (first.isAfter(last)) {
            return !day.isBefore(first) || !day.isAfter(last);
        }
        return !day.isBefore(first) && !day.isAfter(last);
    }
}
