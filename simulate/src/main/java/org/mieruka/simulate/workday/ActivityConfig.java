package org.mieruka.simulate.workday;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mieruka.schemas.config.InvalidConfigException;

/**
 * How the simulated staff work, with realistic defaults (docs/simulator.md lists each).
 *
 * @param first               first day events are generated for
 * @param last                last day events are generated for
 * @param baseHomeShare       chance an internal-duty employee works at home on a day (outside the pilot)
 * @param satelliteShare      chance an internal-duty employee works at a satellite office on a day
 * @param leaveShare          chance an employee is on leave on a working day
 * @param meanGapMinutes      mean minutes between an employee's document events
 * @param afterHoursShare     chance a working day runs past 17:15
 * @param afterHoursMinutes   mean length of that overtime
 * @param holidayWorkShare    chance an internal-duty employee works a few hours on a non-working day
 * @param meetingsPerStaff    meetings held per present employee and day
 * @param baseOnlineShare     chance an all-office meeting is held online anyway
 * @param caseLoad            scales the cases opened per process and day
 * @param meanWaitDays        mean working days a case waits between steps
 * @param reportShareRemote   chance a home or satellite day is reported (post-hoc work-mode report)
 * @param reportShareOffice   chance an office or field day is reported
 * @param delayedShare        events that reach the collector one to three days late (within the grace)
 * @param lostShare           events that arrive twenty days late (LATE, dead-lettered)
 * @param duplicateShare      events sent twice (a tenth of them with a changed attribute: a conflict)
 * @param trendPerWeek        relative growth of the workload per week (0.01: 1 % more cases each week)
 * @param unitWeekNoise       spread (log-normal σ) of each section's caseload from week to week
 */
public record ActivityConfig(LocalDate first, LocalDate last, double baseHomeShare, double satelliteShare,
                             double leaveShare, double meanGapMinutes, double afterHoursShare,
                             double afterHoursMinutes, double holidayWorkShare, double meetingsPerStaff,
                             double baseOnlineShare, double caseLoad, double meanWaitDays,
                             double reportShareRemote, double reportShareOffice, double delayedShare,
                             double lostShare, double duplicateShare, double trendPerWeek, double unitWeekNoise) {

    /** Sixteen weeks from Monday 2026-04-06, eight before the default pilot and eight after it. */
    public static ActivityConfig defaults() {
        return new ActivityConfig(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 7, 26), 0.05, 0.02, 0.05, 25.0,
                0.25, 50.0, 0.01, 0.12, 0.25, 1.0, 0.8, 0.9, 0.3, 0.005, 0.0002, 0.002, 0.0, 0.15);
    }

    public ActivityConfig withPeriod(LocalDate newFirst, LocalDate newLast) {
        return new ActivityConfig(newFirst, newLast, baseHomeShare, satelliteShare, leaveShare, meanGapMinutes,
                afterHoursShare, afterHoursMinutes, holidayWorkShare, meetingsPerStaff, baseOnlineShare, caseLoad,
                meanWaitDays, reportShareRemote, reportShareOffice, delayedShare, lostShare, duplicateShare,
                trendPerWeek, unitWeekNoise);
    }

    public void validate() {
        List<String> problems = new ArrayList<>();
        if (first == null || last == null || last.isBefore(first)) {
            problems.add("the event period needs first ≤ last");
        }
        double[] shares = {baseHomeShare, satelliteShare, leaveShare, afterHoursShare, holidayWorkShare,
                baseOnlineShare, reportShareRemote, reportShareOffice, delayedShare, lostShare, duplicateShare};
        String[] names = {"baseHomeShare", "satelliteShare", "leaveShare", "afterHoursShare", "holidayWorkShare",
                "baseOnlineShare", "reportShareRemote", "reportShareOffice", "delayedShare", "lostShare",
                "duplicateShare"};
        for (int i = 0; i < shares.length; i++) {
            if (!(shares[i] >= 0 && shares[i] <= 1)) {
                problems.add(names[i] + " " + shares[i] + " outside [0, 1]");
            }
        }
        if (baseHomeShare + satelliteShare > 1) {
            problems.add("baseHomeShare + satelliteShare above 1");
        }
        if (!(meanGapMinutes >= 1)) {
            problems.add("meanGapMinutes " + meanGapMinutes + " below 1");
        }
        if (!(afterHoursMinutes >= 0) || !(meetingsPerStaff >= 0) || !(caseLoad >= 0) || !(meanWaitDays >= 0)) {
            problems.add("afterHoursMinutes, meetingsPerStaff, caseLoad and meanWaitDays must not be negative");
        }
        if (!(unitWeekNoise >= 0 && unitWeekNoise <= 1)) {
            problems.add("unitWeekNoise " + unitWeekNoise + " outside [0, 1]");
        }
        if (!(trendPerWeek > -0.5 && trendPerWeek < 0.5)) {
            problems.add("trendPerWeek " + trendPerWeek + " outside (−0.5, 0.5)");
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException("activity", problems);
        }
    }
}
