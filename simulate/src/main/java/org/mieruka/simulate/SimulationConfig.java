package org.mieruka.simulate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.mieruka.schemas.calendar.ClosingPeriod;
import org.mieruka.schemas.calendar.JapaneseHolidays;
import org.mieruka.schemas.config.InvalidConfigException;

/**
 * The parameters of the simulated city. Every default is documented in docs/simulator.md;
 * {@link #defaults()} is a city hall of 3,000 staff over fiscal years 2025 and 2026.
 *
 * @param seed              the only source of randomness: the same seed gives the same city
 * @param staffCount        staff in the directory on {@code firstDay}; 1 to 999,999 (ids are E + 6 digits)
 * @param firstDay          first day of the simulated period; every staff member's first row is valid from it
 * @param lastDay           last day of the simulated period (the calendar covers firstDay..lastDay)
 * @param partTimeShare     share of each section's staff who are 会計年度任用職員 (part-time), in [0, 1)
 * @param partTimeFte       FTE of a part-timer, in (0, 1]: 30 of 38.75 weekly hours is 0.77
 * @param personnelChanges  the 人事異動 days in the period with the share of regular staff moved
 * @param closingPeriods    the city's yearly closing days besides the national holidays
 */
public record SimulationConfig(long seed, int staffCount, LocalDate firstDay, LocalDate lastDay,
        double partTimeShare, double partTimeFte, List<PersonnelChange> personnelChanges,
        List<ClosingPeriod> closingPeriods) {

    public static final int MAX_STAFF = 999_999;

    public SimulationConfig {
        personnelChanges = List.copyOf(personnelChanges);
        closingPeriods = List.copyOf(closingPeriods);
        List<String> problems = problems(staffCount, firstDay, lastDay, partTimeShare, partTimeFte,
                personnelChanges);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException("simulate", problems);
        }
    }

    /**
     * Seed 1; 3,000 staff; FY2025–FY2026 (2025-04-01..2027-03-31); 25% part-timers at 0.77 FTE;
     * 3% moved on 2025-10-01 and 18% on the April change 2026-04-01; closed 12/29–1/3.
     */
    public static SimulationConfig defaults() {
        return new SimulationConfig(1L, 3_000, LocalDate.of(2025, 4, 1), LocalDate.of(2027, 3, 31),
                0.25, 0.77,
                List.of(new PersonnelChange(LocalDate.of(2025, 10, 1), 0.03),
                        new PersonnelChange(LocalDate.of(2026, 4, 1), 0.18)),
                List.of(ClosingPeriod.YEAR_END));
    }

    public SimulationConfig withSeed(long newSeed) {
        return new SimulationConfig(newSeed, staffCount, firstDay, lastDay, partTimeShare, partTimeFte,
                personnelChanges, closingPeriods);
    }

    public SimulationConfig withStaffCount(int newStaffCount) {
        return new SimulationConfig(seed, newStaffCount, firstDay, lastDay, partTimeShare, partTimeFte,
                personnelChanges, closingPeriods);
    }

    // Every problem at once, so a bad configuration is fixed in one round.
    private static List<String> problems(int staffCount, LocalDate firstDay, LocalDate lastDay,
            double partTimeShare, double partTimeFte, List<PersonnelChange> changes) {
        List<String> problems = new ArrayList<>();
        if (staffCount < 1 || staffCount > MAX_STAFF) {
            problems.add("staffCount " + staffCount + " outside 1.." + MAX_STAFF);
        }
        if (firstDay == null || lastDay == null) {
            problems.add("firstDay and lastDay are required");
        } else {
            if (lastDay.isBefore(firstDay)) {
                problems.add("lastDay " + lastDay + " is before firstDay " + firstDay);
            }
            if (firstDay.getYear() < JapaneseHolidays.FIRST_YEAR || lastDay.getYear() > JapaneseHolidays.LAST_YEAR) {
                problems.add("the period must lie in " + JapaneseHolidays.FIRST_YEAR + "–" + JapaneseHolidays.LAST_YEAR);
            }
        }
        if (!(partTimeShare >= 0 && partTimeShare < 1)) {
            problems.add("partTimeShare " + partTimeShare + " outside [0, 1)");
        }
        if (!(partTimeFte > 0 && partTimeFte <= 1)) {
            problems.add("partTimeFte " + partTimeFte + " outside (0, 1]");
        }
        HashSet<LocalDate> dates = new HashSet<>();
        for (PersonnelChange change : changes) {
            Objects.requireNonNull(change, "personnel change");
            if (!dates.add(change.date())) {
                problems.add("personnel change " + change.date() + " listed twice");
            }
            if (firstDay != null && lastDay != null
                    && (!change.date().isAfter(firstDay) || change.date().isAfter(lastDay))) {
                problems.add("personnel change " + change.date() + " outside (firstDay, lastDay]");
            }
            if (!(change.share() >= 0 && change.share() <= 1)) {
                problems.add("personnel change " + change.date() + ": share " + change.share() + " outside [0, 1]");
            }
        }
        return problems;
    }
}
