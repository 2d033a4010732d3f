package org.mieruka.simulate.workday;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.simulate.CatalogProcess;
import org.mieruka.simulate.ProcessCatalog;
import org.mieruka.simulate.TimedStep;

/**
 * Cases of the process catalog moving through their steps across days, staff and units. Cases
 * arrive at each owning section in proportion to the staff present, wait between steps, and are
 * worked only by staff who may do that step where they are (a counter step needs the office).
 */
final class CaseScheduler {

    /** Cases opened per present staff member of an owning section and day, before caseLoad and trend. */
    private static final double CASES_PER_STAFF_DAY = 0.25;
    private static final double STEP_SPREAD = 0.4;
    /** Counters are busiest on Mondays and quietest on Fridays (Monday first). */
    private static final double[] WEEKDAY_LOAD = {1.25, 1.05, 1.0, 0.95, 0.85, 1.0, 1.0};

    private final ActivityConfig config;
    private final Scenario scenario;
    private final ProcessCatalog catalog;
    private final Map<String, Integer> processesOwned = new HashMap<>();
    private final List<OpenCase> open = new ArrayList<>();
    private final UnitWeekNoise noise;
    private long caseNumber;

    private static final class OpenCase {
        final String id;
        final CatalogProcess process;
        final String unit;
        int next;
        ZonedDateTime dueAfter;
        String lastEmployee;

        OpenCase(String id, CatalogProcess process, String unit, ZonedDateTime dueAfter) {
            this.id = id;
            this.process = process;
            this.unit = unit;
            this.dueAfter = dueAfter;
        }
    }

    CaseScheduler(ActivityConfig config, Scenario scenario, ProcessCatalog catalog, UnitWeekNoise noise) {
        this.config = config;
        this.noise = noise;
        this.scenario = scenario;
        this.catalog = catalog;
        for (CatalogProcess process : catalog.processes()) {
            process.owners().forEach(unit -> processesOwned.merge(unit, 1, Integer::sum));
        }
    }

    int openCases() {
        return open.size();
    }

    /** The workflow events of one working day: new cases, then every due step someone can take. */
    List<WorkEvent> work(LocalDate date, List<StaffDay> present, EventFactory events, SplittableRandom random) {
        Map<String, List<StaffDay>> byUnit = new HashMap<>();
        present.stream().filter(d -> !d.holidayWork()).forEach(d -> byUnit.computeIfAbsent(d.unit(), u -> new ArrayList<>()).add(d));
        List<WorkEvent> out = new ArrayList<>();
        double trend = Math.pow(1 + config.trendPerWeek(), (date.toEpochDay() - config.first().toEpochDay()) / 7.0);
        double weekday = WEEKDAY_LOAD[date.getDayOfWeek().getValue() - 1];
        for (CatalogProcess process : catalog.processes()) {
            for (String unit : process.owners()) {
                List<StaffDay> staff = byUnit.getOrDefault(unit, List.of());
                double mean = CASES_PER_STAFF_DAY * staff.size() * config.caseLoad() * trend * weekday
                        * noise.factor(unit, date) / processesOwned.get(unit);
                int arrivals = MeetingPlanner.poisson(random, mean);
                for (int i = 0; i < arrivals; i++) {
                    StaffDay opener = pick(staff, process, 0, null, random);
                    if (opener == null) {
                        break;
                    }
                    ZonedDateTime at = within(opener, random);
                    OpenCase c = new OpenCase(String.format("case-%s-%07d", date.getYear(), ++caseNumber), process,
                            unit, at);
                    out.add(events.event(EventFactory.WORKFLOW, EventKind.WORKFLOW, "case_opened", opener.employee(), at)
                            .setObjectId(c.id).setProcessCode(process.code()).setOrgUnit(unit)
                            .setLocation(opener.mode()).build());
                    c.lastEmployee = opener.employee();
                    open.add(c);
                }
            }
        }
        for (Iterator<OpenCase> it = open.iterator(); it.hasNext(); ) {
            OpenCase c = it.next();
            if (advance(c, date, byUnit, events, random, out)) {
                it.remove();
            }
        }
        return out;
    }

    /** Works the case's due steps today; true when it closed. */
    private boolean advance(OpenCase c, LocalDate date, Map<String, List<StaffDay>> byUnit, EventFactory events,
                            SplittableRandom random, List<WorkEvent> out) {
        while (c.next < c.process.steps().size() && !c.dueAfter.toLocalDate().isAfter(date)) {
            StaffDay worker = pick(byUnit.getOrDefault(stepUnit(c, random), List.of()), c.process, c.next,
                    c.lastEmployee, random);
            if (worker == null) {
                return false;
            }
            boolean treated = scenario.treats(c.unit, date);
            double effect = treated ? 1 + scenario.cycleTimeEffect() : 1;
            TimedStep step = c.process.steps().get(c.next);
            ZonedDateTime start = (c.dueAfter.isAfter(worker.start()) ? c.dueAfter : worker.start())
                    .plusMinutes(random.nextInt(45));
            long minutes = Math.max(1, Math.round(step.typicalMinutes()
                    * Math.exp(STEP_SPREAD * MeetingPlanner.gaussian(random)) * effect));
            ZonedDateTime done = start.plusMinutes(minutes);
            if (done.isAfter(worker.end())) {
                c.dueAfter = worker.end().toLocalDate().plusDays(1).atStartOfDay(worker.end().getZone());
                return false; // tomorrow
            }
            boolean carriesCode = random.nextDouble() < 0.7;
            for (String action : new String[] {"step_started", "step_completed"}) {
                WorkEvent.Builder event = events.event(EventFactory.WORKFLOW, EventKind.WORKFLOW, action,
                        worker.employee(), action.equals("step_started") ? start : done)
                        .setObjectId(c.id).setOrgUnit(c.unit).setLocation(worker.mode());
                event.getAttributes().put("step", step.code());
                if (carriesCode) {
                    event.setProcessCode(c.process.code());
                }
                out.add(event.build());
            }
            c.lastEmployee = worker.employee();
            c.next++;
            double waitHours = DayPlanner.exponential(random, config.meanWaitDays() * 24 * effect);
            c.dueAfter = done.plus(Duration.ofMinutes(Math.round(waitHours * 60)));
            if (c.next == c.process.steps().size()) {
                ZonedDateTime closed = done.plusMinutes(1 + random.nextInt(20));
                out.add(events.event(EventFactory.WORKFLOW, EventKind.WORKFLOW, "case_closed", worker.employee(), closed)
                        .setObjectId(c.id).setOrgUnit(c.unit).setLocation(worker.mode()).build());
                return true;
            }
        }
        return false;
    }

    /**
     * The section that does the case's next step: its own for the first and last steps; a middle
     * step of a process with several owners goes half the time to the lead owner (e.g. 財政課
     * checks a budget request drafted in another section).
     */
    private static String stepUnit(OpenCase c, SplittableRandom random) {
        boolean middle = c.next > 0 && c.next < c.process.steps().size() - 1;
        String lead = c.process.owners().get(0);
        return middle && !lead.equals(c.unit) && random.nextBoolean() ? lead : c.unit;
    }

    /** Someone present in the unit who may do the step where they are; the last worker half the time. */
    private static StaffDay pick(List<StaffDay> staff, CatalogProcess process, int stepIndex, String last,
                                 SplittableRandom random) {
        boolean counterStep = stepIndex == 0 || stepIndex == process.steps().size() - 1;
        List<StaffDay> able = staff.stream().filter(d -> d.mayDo(process.telework(), counterStep)).toList();
        if (able.isEmpty()) {
            return null;
        }
        if (last != null && random.nextBoolean()) {
            for (StaffDay day : able) {
                if (day.employee().equals(last)) {
                    return day;
                }
            }
        }
        return able.get(random.nextInt(able.size()));
    }

    private static ZonedDateTime within(StaffDay day, SplittableRandom random) {
        long minutes = Math.max(1, Duration.between(day.start(), day.end()).toMinutes());
        return day.start().plusMinutes(random.nextLong(minutes));
    }
}
