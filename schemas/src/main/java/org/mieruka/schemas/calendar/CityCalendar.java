package org.mieruka.schemas.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.mieruka.schemas.reference.CalendarDay;
import org.mieruka.schemas.reference.DayType;

/**
 * The city's working days (metrics.md §0): Saturdays, Sundays, the holidays of the Holidays
 * Act and the city's closing days are non-working; an explicit {@link CalendarDay} entry
 * overrides all of these, in both directions (a Saturday election-day opening is working).
 */
public final class CityCalendar {

    private final List<ClosingPeriod> closingPeriods;
    private final TreeMap<LocalDate, CalendarDay> explicit;
    // Holidays per year, computed on first use (processors ask about the same few years); stream
    // threads share one calendar.
    private final Map<Integer, Map<LocalDate, Holiday>> holidaysByYear = new ConcurrentHashMap<>();

    public CityCalendar(List<ClosingPeriod> closingPeriods, List<CalendarDay> explicitEntries) {
        this.closingPeriods = List.copyOf(closingPeriods);
        this.explicit = new TreeMap<>();
        for (CalendarDay entry : explicitEntries) {
            explicit.put(Objects.requireNonNull(entry.getDate(), "date"), entry);
        }
    }

    /** The national rules and the year-end closing 12/29–1/3, no explicit entries. */
    public static CityCalendar standard() {
        return new CityCalendar(List.of(ClosingPeriod.YEAR_END), List.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarDay entry = explicit.get(date);
        if (entry != null) {
            return !entry.getNonWorking();
        }
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        return listedDay(date) == null;
    }

    /**
     * The calendar entries for [first, last]: every holiday and closing day, weekends included
     * (so the year-end closing reads as one block), and the explicit entries in place of the
     * computed ones. A national holiday inside a closing period keeps its own name (元日).
     */
    public List<CalendarDay> entries(LocalDate first, LocalDate last) {
        List<CalendarDay> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            CalendarDay entry = explicit.get(d);
            if (entry == null) {
                Holiday listed = listedDay(d);
                if (listed != null) {
                    entry = new CalendarDay(d, true, listed.type(), listed.nameJa(), listed.nameEn());
                }
            }
            if (entry != null) {
                out.add(entry);
            }
        }
        return out;
    }

    private Holiday listedDay(LocalDate date) {
        Holiday holiday = holidays(date.getYear()).get(date);
        if (holiday != null) {
            return holiday;
        }
        for (ClosingPeriod period : closingPeriods) {
            if (period.contains(date)) {
                return new Holiday(date, DayType.CITY_CLOSING, period.nameJa(), period.nameEn());
            }
        }
        return null;
    }

    private Map<LocalDate, Holiday> holidays(int year) {
        return holidaysByYear.computeIfAbsent(year, y -> {
            Map<LocalDate, Holiday> map = new HashMap<>();
            for (Holiday holiday : JapaneseHolidays.of(y)) {
                map.put(holiday.date(), holiday);
            }
            return map;
        });
    }
}
