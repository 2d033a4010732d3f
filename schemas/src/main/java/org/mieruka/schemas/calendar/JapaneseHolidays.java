package org.mieruka.schemas.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mieruka.schemas.reference.DayType;

/**
 * The holidays of the Holidays Act (国民の祝日に関する法律) for 2000–2099: the national holidays
 * of art. 2, the substitute holidays (振替休日, art. 3(2)) and the citizens' holidays
 * (国民の休日, art. 3(3)), plus the one-off days of the special laws of 2019 and of the
 * 2020/2021 Olympic moves.
 *
 * <p>The equinox days are those of the standard approximation, which matches the days the
 * National Astronomical Observatory has announced and is valid 1980–2099; the Cabinet fixes
 * them only a year ahead, so later years are a forecast, as every Japanese calendar's are.
 */
public final class JapaneseHolidays {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;

    private JapaneseHolidays() {
    }

    /** Every holiday of the year, in date order. */
    public static List<Holiday> of(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException(
                    "year " + year + " outside " + FIRST_YEAR + "–" + LAST_YEAR);
        }
        TreeMap<LocalDate, Holiday> days = new TreeMap<>();
        for (Holiday holiday : nationalHolidays(year)) {
            days.put(holiday.date(), holiday);
        }
        addSubstituteHolidays(year, days);
        addCitizensHolidays(year, days);
        return List.copyOf(days.values());
    }

    /** The national holidays of art. 2 and of the special laws, without art. 3 holidays. */
    static List<Holiday> nationalHolidays(int year) {
        List<Holiday> list = new ArrayList<>();
        add(list, year, 1, 1, "元日", "New Year's Day");
        add(list, nthMonday(year, Month.JANUARY, 2), "成人の日", "Coming of Age Day");
        add(list, year, 2, 11, "建国記念の日", "National Foundation Day");
        if (year >= 2020) {
            add(list, year, 2, 23, "天皇誕生日", "The Emperor's Birthday");
        }
        add(list, year, 3, vernalEquinoxDay(year), "春分の日", "Vernal Equinox Day");
        if (year >= 2007) {
            add(list, year, 4, 29, "昭和の日", "Showa Day");
            add(list, year, 5, 4, "みどりの日", "Greenery Day");
        } else {
            add(list, year, 4, 29, "みどりの日", "Greenery Day");
        }
        add(list, year, 5, 3, "憲法記念日", "Constitution Memorial Day");
        add(list, year, 5, 5, "こどもの日", "Children's Day");
        add(list, marineDay(year), "海の日", "Marine Day");
        if (year >= 2016) {
            add(list, mountainDay(year), "山の日", "Mountain Day");
        }
        add(list, year >= 2003 ? nthMonday(year, Month.SEPTEMBER, 3) : LocalDate.of(year, 9, 15),
                "敬老の日", "Respect for the Aged Day");
        add(list, year, 9, autumnalEquinoxDay(year), "秋分の日", "Autumnal Equinox Day");
        if (year >= 2020) {
            add(list, sportsDay(year), "スポーツの日", "Sports Day");
        } else {
            add(list, nthMonday(year, Month.OCTOBER, 2), "体育の日", "Health and Sports Day");
        }
        add(list, year, 11, 3, "文化の日", "Culture Day");
        add(list, year, 11, 23, "勤労感謝の日", "Labour Thanksgiving Day");
        if (year <= 2018) {
            add(list, year, 12, 23, "天皇誕生日", "The Emperor's Birthday");
        }
        if (year == 2019) {
            // 天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律 (平成30年法律第99号).
            add(list, year, 5, 1, "天皇の即位の日", "Enthronement Day");
            add(list, year, 10, 22, "即位礼正殿の儀の行われる日", "Enthronement Ceremony Day");
        }
        list.sort((a, b) -> a.date().compareTo(b.date()));
        return list;
    }

    /** Day of March, by the standard formula valid 1980–2099. */
    static int vernalEquinoxDay(int year) {
        return equinoxDay(20.8431, year);
    }

    /** Day of September, by the standard formula valid 1980–2099. */
    static int autumnalEquinoxDay(int year) {
        return equinoxDay(23.2488, year);
    }

    private static int equinoxDay(double base, int year) {
        int n = year - 1980;
        return (int) (base + 0.242194 * n - n / 4);
    }

    // The Olympic special law moved 海の日, スポーツの日 and 山の日 in 2020 and again in 2021.
    private static LocalDate marineDay(int year) {
        return switch (year) {
            case 2020 -> LocalDate.of(2020, 7, 23);
            case 2021 -> LocalDate.of(2021, 7, 22);
            default -> year >= 2003 ? nthMonday(year, Month.JULY, 3) : LocalDate.of(year, 7, 20);
        };
    }

    private static LocalDate sportsDay(int year) {
        return switch (year) {
            case 2020 -> LocalDate.of(2020, 7, 24);
            case 2021 -> LocalDate.of(2021, 7, 23);
            default -> nthMonday(year, Month.OCTOBER, 2);
        };
    }

    private static LocalDate mountainDay(int year) {
        return switch (year) {
            case 2020 -> LocalDate.of(2020, 8, 10);
            case 2021 -> LocalDate.of(2021, 8, 8);
            default -> LocalDate.of(year, 8, 11);
        };
    }

    /**
     * Art. 3(2): a national holiday on a Sunday makes the nearest following day that is not a
     * national holiday a holiday (since 2007; before, only the Monday after, if not a holiday).
     */
    private static void addSubstituteHolidays(int year, Map<LocalDate, Holiday> days) {
        List<LocalDate> sundays = days.keySet().stream()
                .filter(d -> d.getDayOfWeek() == DayOfWeek.SUNDAY)
                .toList();
        for (LocalDate sunday : sundays) {
            LocalDate next = sunday.plusDays(1);
            if (year >= 2007) {
                while (days.containsKey(next)) {
                    next = next.plusDays(1);
                }
            } else if (days.containsKey(next)) {
                continue;
            }
            if (next.getYear() == year) {
                days.put(next, new Holiday(next, DayType.SUBSTITUTE_HOLIDAY, "振替休日",
                        "Substitute Holiday"));
            }
        }
    }

    /**
     * Art. 3(3): a day whose previous and next days are national holidays, and which is not
     * one itself, is a holiday. Before 2007 the article excluded Sundays and substitute days.
     */
    private static void addCitizensHolidays(int year, Map<LocalDate, Holiday> days) {
        LocalDate first = LocalDate.of(year, 1, 2);
        LocalDate last = LocalDate.of(year, 12, 30);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (days.containsKey(d)) {
                continue;
            }
            if (year < 2007 && d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            if (isNational(days.get(d.minusDays(1))) && isNational(days.get(d.plusDays(1)))) {
                days.put(d, new Holiday(d, DayType.CITIZENS_HOLIDAY, "国民の休日",
                        "Citizens' Holiday"));
            }
        }
    }

    private static boolean isNational(Holiday holiday) {
        return holiday != null && holiday.type() == DayType.NATIONAL_HOLIDAY;
    }

    private static LocalDate nthMonday(int year, Month month, int n) {
        return LocalDate.of(year, month, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }

    private static void add(List<Holiday> list, int year, int month, int day, String ja, String en) {
        add(list, LocalDate.of(year, month, day), ja, en);
    }

    private static void add(List<Holiday> list, LocalDate date, String ja, String en) {
        list.add(new Holiday(date, DayType.NATIONAL_HOLIDAY, ja, en));
    }
}
