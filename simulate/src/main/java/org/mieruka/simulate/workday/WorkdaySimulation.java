package org.mieruka.simulate.workday;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.simulate.CatalogProcess;
import org.mieruka.simulate.Municipality;

/**
 * Working days of the simulated city as its systems would record them: presence, document work,
 * meetings, cases moving through their steps, and the post-hoc work-mode reports — day by day,
 * deterministic for the city's seed, then put in the order a collector would receive them.
 */
public final class WorkdaySimulation {

    private final Municipality city;
    private final ActivityConfig config;
    private final Scenario scenario;
    private final ZoneId zone;

    public WorkdaySimulation(Municipality city, ActivityConfig config, Scenario scenario, ZoneId zone) {
        config.validate();
        scenario.validate(city.orgChart());
        this.city = city;
        this.config = config;
        this.scenario = scenario;
        this.zone = zone;
    }

    /** The source systems the simulated city's events come from. */
    public static List<String> sources() {
        return List.of(EventFactory.LOGON, EventFactory.SATELLITE, EventFactory.DOCUMENTS, EventFactory.MEETINGS,
                EventFactory.WORKFLOW, EventFactory.WORK_MODE);
    }

    /** The events in arrival order; {@code progress} hears the number of events made after each day. */
    public List<WorkEvent> run(LongConsumer progress) {
        SplittableRandom root = new SplittableRandom(city.config().seed() ^ 0x5EED_DA7AL);
        Roster roster = new Roster(city.directory());
        DayPlanner planner = new DayPlanner(config, scenario, city.calendar(), zone);
        MeetingPlanner meetings = new MeetingPlanner(config, scenario);
        CaseScheduler cases = new CaseScheduler(config, scenario, city.catalog(),
                new UnitWeekNoise(city.config().seed(), config.unitWeekNoise()));
        DeskWork desk = new DeskWork(config);
        EventFactory events = new EventFactory();
        Map<String, List<CatalogProcess>> processesByUnit = new HashMap<>();
        for (CatalogProcess process : city.catalog().processes()) {
            process.owners().forEach(u -> processesByUnit.computeIfAbsent(u, k -> new ArrayList<>()).add(process));
        }

        List<WorkEvent> made = new ArrayList<>();
        List<StaffDay> yesterday = List.of();
        for (LocalDate date = config.first(); !date.isAfter(config.last()); date = date.plusDays(1)) {
            SplittableRandom random = root.split(); // one stream a day, in date order
            var assigned = roster.assigned(date);
            List<StaffDay> present = planner.plan(date, assigned, random);
            Map<String, Integer> staffByUnit = new HashMap<>();
            assigned.forEach(r -> staffByUnit.merge(r.getOrgUnit(), 1, Integer::sum));

            Map<String, List<MeetingPlanner.Busy>> busy = new HashMap<>();
            made.addAll(meetings.plan(present, events, random, busy));
            for (StaffDay day : present) {
                made.addAll(desk.day(day, busy.getOrDefault(day.employee(), List.of()),
                        processesByUnit.getOrDefault(day.unit(), List.of()),
                        staffByUnit.getOrDefault(day.unit(), 1) * 20, events, random));
            }
            if (city.calendar().isWorkingDay(date)) {
                made.addAll(cases.work(date, present, events, random));
                made.addAll(reports(yesterday, date, events, random));
                yesterday = present.stream().filter(d -> !d.holidayWork()).toList();
            }
            progress.accept(made.size());
        }
        return new FeedDisorder(config).arrivalOrder(made, root.split());
    }

    /** Post-hoc reports of the previous working day, sent this morning (or, some, that evening). */
    private List<WorkEvent> reports(List<StaffDay> days, LocalDate today, EventFactory events, SplittableRandom random) {
        List<WorkEvent> out = new ArrayList<>();
        for (StaffDay day : days) {
            double share = day.remote() ? config.reportShareRemote() : config.reportShareOffice();
            if (random.nextDouble() >= share) {
                continue;
            }
            ZonedDateTime at = random.nextDouble() < 0.3 ? day.end().plusMinutes(1 + random.nextInt(10))
                    : today.atTime(LocalTime.of(8, 0)).atZone(zone).plusMinutes(random.nextInt(90));
            double hours = Duration.between(day.start(), day.end()).toMinutes() / 60.0 - 1.0; // less lunch
            WorkEvent.Builder report = events.event(EventFactory.WORK_MODE, EventKind.WORK_MODE, "reported",
                    day.employee(), at).setLocation(day.mode());
            report.getAttributes().put("date", day.date().toString());
            report.getAttributes().put("hours", String.format(Locale.ROOT, "%.2f",
                    Math.min(24.0, Math.max(0.0, Math.round(hours * 4) / 4.0))));
            out.add(report.build());
        }
        return out;
    }
}
