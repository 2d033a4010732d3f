package org.mieruka.simulate.workday;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mieruka.schemas.calendar.CityCalendar;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.reference.DutyType;

/**
 * Who works on a date, where, and from when to when. Counter staff are at the counter; field staff
 * mostly out; internal staff at home or a satellite office on some days (more in a pilot's units).
 * On non-working days only a few internal staff put in a couple of hours from home.
 */
final class DayPlanner {

    private static final LocalTime WORK_START = LocalTime.of(8, 30);
    private static final LocalTime WORK_END = LocalTime.of(17, 15);

    private final ActivityConfig config;
    private final Scenario scenario;
    private final CityCalendar calendar;
    private final ZoneId zone;

    DayPlanner(ActivityConfig config, Scenario scenario, CityCalendar calendar, ZoneId zone) {
        this.config = config;
        this.scenario = scenario;
        this.calendar = calendar;
        this.zone = zone;
    }

    List<StaffDay> plan(LocalDate date, List<DirectoryEntry> assigned, SplittableRandom random) {
        List<StaffDay> days = new ArrayList<>();
        boolean working = calendar.isWorkingDay(date);
        for (DirectoryEntry row : assigned) {
            if (!working) {
                if (row.getDutyType() == DutyType.INTERNAL && random.nextDouble() < config.holidayWorkShare()) {
                    ZonedDateTime start = date.atTime(LocalTime.of(9 + random.nextInt(5), random.nextInt(60)))
                            .atZone(zone);
                    days.add(new StaffDay(row.getEmployee(), row.getOrgUnit(), row.getDutyType(), row.getFte(), date,
                            Location.HOME, start, start.plusMinutes(90 + random.nextInt(150)), true));
                }
                continue;
            }
            if (random.nextDouble() < config.leaveShare()) {
                continue;
            }
            Location mode = mode(row, date, random);
            ZonedDateTime start = date.atTime(WORK_START).atZone(zone).minusMinutes(15).plusMinutes(random.nextInt(31));
            ZonedDateTime end = end(row, date, start, random);
            days.add(new StaffDay(row.getEmployee(), row.getOrgUnit(), row.getDutyType(), row.getFte(), date, mode,
                    start, end, false));
        }
        return days;
    }

    private Location mode(DirectoryEntry row, LocalDate date, SplittableRandom random) {
        double draw = random.nextDouble();
        return switch (row.getDutyType()) {
            case COUNTER -> draw < 0.02 ? Location.HOME : Location.OFFICE; // internal work at home, rarely
            case FIELD -> draw < 0.6 ? Location.FIELD : Location.OFFICE;
            default -> {
                double home = scenario.treats(row.getOrgUnit(), date) ? scenario.homeShare() : config.baseHomeShare();
                if (draw < home) {
                    yield Location.HOME;
                }
                yield draw < home + config.satelliteShare() ? Location.SATELLITE : Location.OFFICE;
            }
        };
    }

    private ZonedDateTime end(DirectoryEntry row, LocalDate date, ZonedDateTime start, SplittableRandom random) {
        if (row.getFte() < 1.0) { // part-timers: their hours, no overtime
            return start.plusMinutes(Math.round(row.getFte() * 465) + 60);
        }
        ZonedDateTime end = date.atTime(WORK_END).atZone(zone).minusMinutes(10).plusMinutes(random.nextInt(16));
        if (random.nextDouble() < config.afterHoursShare()) {
            double mean = config.afterHoursMinutes()
                    * (scenario.treats(row.getOrgUnit(), date) ? 1 + scenario.afterHoursEffect() : 1);
            end = date.atTime(WORK_END).atZone(zone).plusMinutes(Math.round(exponential(random, mean)));
        }
        return end;
    }

    static double exponential(SplittableRandom random, double mean) {
        return mean <= 0 ? 0 : -mean * Math.log(1 - random.nextDouble());
    }
}
