package org.mieruka.streams.truth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.mieruka.schemas.metric.EmployeeDay;
import org.mieruka.schemas.metric.EventCredit;
import org.mieruka.schemas.metric.WorkCase;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.reference.ProcessDefinition;
import org.mieruka.schemas.reference.TeleworkEligibility;
import org.mieruka.simulate.truth.TruthReport;

/**
 * The metrics of metrics.md §1–§5 as an analyst derives them from the stream processors' output
 * records (the newest version of each key): group sums, ratios of sums, nearest-rank percentiles.
 * Shaped like the simulator's truth file so the two can be compared group by group.
 */
final class OutputFigures {

    private static final String UNASSIGNED = "UNASSIGNED";

    private final Collection<EventCredit> credits;
    private final Map<String, EmployeeDay> days = new HashMap<>();
    private final Collection<WorkCase> cases;
    private final Map<String, EventCredit> creditByEvent = new HashMap<>();
    private final Map<String, String> processByCase = new HashMap<>();

    OutputFigures(Collection<EventCredit> credits, Collection<EmployeeDay> employeeDays, Collection<WorkCase> cases) {
        this.credits = credits;
        this.cases = cases;
        employeeDays.forEach(d -> days.put(d.getEmployeePseudonym() + "/" + d.getDayDate(), d));
        credits.forEach(c -> creditByEvent.put(c.getSourceSystem() + "/" + c.getEventId(), c));
        cases.forEach(c -> processByCase.put(c.getSourceSystem() + "/" + c.getObjectId(), c.getProcessCode()));
    }

    static LocalDate week(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }

    static Long nearestRank(List<Long> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(1, (int) Math.ceil(p * sorted.size())) - 1);
    }

    /** The telework-effect topic's groups that have employee-days, shaped like the truth's rows. */
    static List<TruthReport.TeleworkEffect> published(Collection<org.mieruka.schemas.metric.TeleworkEffect> topic) {
        return topic.stream().filter(t -> t.getEmployeeDays() > 0)
                .map(t -> new TruthReport.TeleworkEffect(t.getOrgUnit(), t.getWeek(), t.getWorkMode(),
                        t.getEmployeeDays(), t.getEmployees(), t.getActiveMs(), t.getAfterHoursMs(), t.getMeetingMs(),
                        t.getOnlineMeetingMs(), t.getCasesClosed(), ratio(t.getActiveMs() / 3_600_000.0,
                        t.getEmployeeDays()), ratio(t.getCasesClosed(), t.getEmployeeDays()),
                        ratio(t.getAfterHoursMs(), t.getActiveMs()), ratio(t.getMeetingMs(), t.getActiveMs()),
                        ratio(t.getOnlineMeetingMs(), t.getMeetingMs()), t.getClosedCasesPlaced(),
                        t.getCycleMedianMs()))
                .toList();
    }

    private EmployeeDay dayOf(EventCredit credit) {
        return days.get(credit.getEmployeePseudonym() + "/" + credit.getEventDate());
    }

    private static boolean remote(String mode) {
        return "HOME".equals(mode) || "SATELLITE".equals(mode);
    }

    /** §1: credit per event org unit, week, process, kind, channel and work mode. */
    List<TruthReport.WorkHours> workHours() {
        Map<List<String>, long[]> sums = new TreeMap<>(OutputFigures::compare);
        Map<List<String>, Set<String>> staff = new HashMap<>();
        for (EventCredit c : credits) {
            List<String> key = List.of(c.getOrgUnit(), week(c.getEventDate()).toString(), c.getProcessCode(),
                    c.getKind(), c.getChannel(), c.getWorkMode());
            long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
            sum[0] += c.getCreditMs();
            sum[1]++;
            staff.computeIfAbsent(key, k -> new HashSet<>()).add(c.getEmployeePseudonym());
        }
        List<TruthReport.WorkHours> rows = new ArrayList<>();
        sums.forEach((k, s) -> rows.add(new TruthReport.WorkHours(k.get(0), LocalDate.parse(k.get(1)), k.get(2),
                k.get(3), k.get(4), k.get(5), s[0], s[1], staff.get(k).size())));
        return rows;
    }

    /** §4: per org unit of the employee-day, week and work mode. */
    List<TruthReport.TeleworkEffect> teleworkEffect() {
        Map<List<String>, List<EmployeeDay>> groups = new TreeMap<>(OutputFigures::compare);
        for (EmployeeDay d : days.values()) {
            groups.computeIfAbsent(key(d), k -> new ArrayList<>()).add(d);
        }
        Map<List<String>, List<Long>> cycles = new HashMap<>();
        for (WorkCase c : cases) {
            if (c.getClosedAt() != null && !c.getLeftCensored() && c.getLastStepEventId() != null) {
                EventCredit last = creditByEvent.get(c.getSourceSystem() + "/" + c.getLastStepEventId());
                EmployeeDay day = last == null ? null : dayOf(last);
                if (day == null) {
                    continue; // read while the outputs are still being written: not placed yet
                }
                cycles.computeIfAbsent(key(day), k -> new ArrayList<>()).add(c.getCycleMs());
            }
        }
        List<TruthReport.TeleworkEffect> rows = new ArrayList<>();
        groups.forEach((k, group) -> {
            long active = group.stream().mapToLong(EmployeeDay::getActiveMs).sum();
            long afterHours = group.stream().mapToLong(EmployeeDay::getAfterHoursMs).sum();
            long meeting = group.stream().mapToLong(EmployeeDay::getMeetingMs).sum();
            long online = group.stream().mapToLong(EmployeeDay::getOnlineMeetingMs).sum();
            long closed = group.stream().mapToLong(EmployeeDay::getCasesClosed).sum();
            int staff = (int) group.stream().map(EmployeeDay::getEmployeePseudonym).distinct().count();
            List<Long> placed = cycles.getOrDefault(k, List.of());
            rows.add(new TruthReport.TeleworkEffect(k.get(0), LocalDate.parse(k.get(1)), k.get(2), group.size(), staff,
                    active, afterHours, meeting, online, closed, ratio(active / 3_600_000.0, group.size()),
                    ratio(closed, group.size()), ratio(afterHours, active), ratio(meeting, active),
                    ratio(online, meeting), placed.size(), nearestRank(placed, 0.5)));
        });
        return rows;
    }

    private static List<String> key(EmployeeDay d) {
        return List.of(d.getOrgUnit(), week(d.getDayDate()).toString(), d.getWorkMode());
    }

    /** §3: per process and week, then per process and month. */
    List<TruthReport.ProcessPeriod> processPeriods(java.time.ZoneId zone) {
        List<TruthReport.ProcessPeriod> rows = new ArrayList<>();
        rows.addAll(periods("WEEK", OutputFigures::week, zone));
        rows.addAll(periods("MONTH", d -> d.withDayOfMonth(1), zone));
        return rows;
    }

    private List<TruthReport.ProcessPeriod> periods(String name, UnaryOperator<LocalDate> period,
                                                    java.time.ZoneId zone) {
        Map<String, Map<LocalDate, Bucket>> buckets = new TreeMap<>();
        Function<String, Map<LocalDate, Bucket>> of = p -> buckets.computeIfAbsent(p, x -> new TreeMap<>());
        for (WorkCase c : cases) {
            if (!c.getLeftCensored()) {
                of.apply(c.getProcessCode()).computeIfAbsent(period.apply(c.getOpenedAt().atZone(zone).toLocalDate()),
                        d -> new Bucket()).opened++;
            }
            if (c.getClosedAt() != null) {
                Bucket b = of.apply(c.getProcessCode()).computeIfAbsent(
                        period.apply(c.getClosedAt().atZone(zone).toLocalDate()), d -> new Bucket());
                b.closed++;
                b.steps += c.getSteps();
                b.handoffs += c.getHandoffs();
                if (!c.getLeftCensored()) {
                    b.cycles.add(c.getCycleMs());
                }
            }
        }
        Map<String, Map<LocalDate, Set<String>>> daysOfProcess = new TreeMap<>();
        for (EventCredit credit : credits) {
            if ("WORKFLOW".equals(credit.getKind()) && "step_completed".equals(credit.getAction())) {
                // A step counts for its case's process, whatever its own code says.
                String process = processByCase.get(credit.getSourceSystem() + "/" + credit.getObjectId());
                Bucket b = of.apply(process).computeIfAbsent(period.apply(credit.getEventDate()), d -> new Bucket());
                b.stepsCompleted++;
                EmployeeDay day = dayOf(credit);
                String mode = day == null ? "UNKNOWN" : day.getWorkMode();
                if (!"UNKNOWN".equals(mode)) {
                    b.known++;
                    b.remote += remote(mode) ? 1 : 0;
                }
            }
            daysOfProcess.computeIfAbsent(credit.getProcessCode(), p -> new TreeMap<>())
                    .computeIfAbsent(period.apply(credit.getEventDate()), d -> new HashSet<>())
                    .add(credit.getEmployeePseudonym() + "/" + credit.getEventDate());
        }
        daysOfProcess.forEach((process, byPeriod) -> byPeriod.forEach((start, keys) -> {
            Bucket b = of.apply(process).computeIfAbsent(start, d -> new Bucket());
            // Summed in a fixed order so that the double equals the truth's to the last bit as often as it can.
            keys.stream().sorted().map(days::get).filter(java.util.Objects::nonNull)
                    .forEach(d -> b.fteDays += d.getFte());
        }));
        List<TruthReport.ProcessPeriod> rows = new ArrayList<>();
        buckets.forEach((process, byPeriod) -> byPeriod.forEach((start, b) -> rows.add(new TruthReport.ProcessPeriod(
                process, name, start, b.opened, b.closed, nearestRank(b.cycles, 0.5), nearestRank(b.cycles, 0.9),
                ratio(b.steps, b.closed), ratio(b.handoffs, b.closed), b.stepsCompleted, b.remote, b.known,
                ratio(b.remote, b.known), b.fteDays, ratio(b.closed, b.fteDays)))));
        return rows;
    }

    /** §5 as of {@code reportDate} over the {@code window} days ending on it. */
    TruthReport.Readiness readiness(LocalDate reportDate, int window, List<ProcessDefinition> catalog,
                                    List<DirectoryEntry> directory, Function<String, String> pseudonym) {
        LocalDate from = reportDate.minusDays(window - 1L);
        Map<String, long[]> steps = new TreeMap<>();
        catalog.forEach(p -> steps.put(p.getProcessCode(), new long[3]));
        Map<String, long[]> paper = new TreeMap<>();
        Map<String, Set<String>> documents = new HashMap<>();
        for (EventCredit c : credits) {
            if (c.getEventDate().isBefore(from) || c.getEventDate().isAfter(reportDate)) {
                continue;
            }
            if ("WORKFLOW".equals(c.getKind()) && "step_completed".equals(c.getAction())) {
                long[] sum = steps.computeIfAbsent(processByCase.get(c.getSourceSystem() + "/" + c.getObjectId()),
                        p -> new long[3]);
                sum[0]++;
                String mode = dayOf(c).getWorkMode();
                if (!"UNKNOWN".equals(mode)) {
                    sum[1]++;
                    sum[2] += remote(mode) ? 1 : 0;
                }
            }
            long[] p = paper.computeIfAbsent(c.getOrgUnit(), u -> new long[5]);
            if ("DOCUMENT".equals(c.getKind())) {
                documents.computeIfAbsent(c.getOrgUnit(), u -> new HashSet<>())
                        .add(c.getSourceSystem() + "/" + c.getObjectId());
                if ("printed".equals(c.getAction())) {
                    p[0]++;
                }
                if ("approved".equals(c.getAction())) {
                    p[1] += "ELECTRONIC".equals(c.getChannel()) ? 1 : 0;
                    p[2] += "ELECTRONIC".equals(c.getChannel()) || "PAPER".equals(c.getChannel()) ? 1 : 0;
                }
            }
            if ("MEETING".equals(c.getKind()) && "held".equals(c.getAction())) {
                p[3]++;
                p[4] += "ONLINE".equals(c.getChannel()) || "HYBRID".equals(c.getChannel()) ? 1 : 0;
            }
        }
        Map<String, TeleworkEligibility> eligibility = new HashMap<>();
        catalog.forEach(p -> eligibility.put(p.getProcessCode(), p.getTeleworkEligibility()));
        List<TruthReport.ProcessReadiness> processes = new ArrayList<>();
        steps.forEach((process, s) -> {
            TeleworkEligibility e = eligibility.get(process);
            String flag = s[0] == 0 ? "NO_ACTIVITY"
                    : s[2] == 0 && (e == TeleworkEligibility.YES || e == TeleworkEligibility.PARTIAL)
                    ? "NEVER_TRIED_REMOTELY" : null;
            processes.add(new TruthReport.ProcessReadiness(process, e == null ? null : e.name(), s[0], s[1], s[2],
                    ratio(s[2], s[1]), flag));
        });

        Set<String> remoteStaff = new HashSet<>();
        days.values().forEach(d -> {
            if (remote(d.getWorkMode()) && !d.getDayDate().isBefore(from) && !d.getDayDate().isAfter(reportDate)) {
                remoteStaff.add(d.getEmployeePseudonym());
            }
        });
        Map<String, DirectoryEntry> rowOnReportDate = new HashMap<>();
        directory.stream().filter(r -> !r.getValidFrom().isAfter(reportDate))
                .sorted(Comparator.comparing(DirectoryEntry::getValidFrom))
                .forEach(r -> rowOnReportDate.put(r.getEmployee(), r));
        Map<String, int[]> units = new TreeMap<>();
        rowOnReportDate.values().forEach(r -> {
            if (r.getOrgUnit() != null) {
                int[] u = units.computeIfAbsent(r.getOrgUnit(), x -> new int[2]);
                u[0]++;
                u[1] += remoteStaff.contains(pseudonym.apply(r.getEmployee())) ? 1 : 0;
            }
        });
        List<TruthReport.StaffReady> staff = new ArrayList<>();
        units.forEach((unit, u) -> staff.add(new TruthReport.StaffReady(unit, u[0], u[1], ratio(u[1], u[0]))));

        List<TruthReport.Paperless> paperless = new ArrayList<>();
        paper.forEach((unit, p) -> {
            int touched = documents.getOrDefault(unit, Set.of()).size();
            paperless.add(new TruthReport.Paperless(unit, p[0], touched, touched == 0 ? null : p[0] * 100.0 / touched,
                    p[1], p[2], ratio(p[1], p[2]), p[3], p[4], ratio(p[4], p[3])));
        });
        return new TruthReport.Readiness(reportDate, from, processes, staff, paperless);
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static final class Bucket {
        long opened;
        long closed;
        long steps;
        long handoffs;
        long stepsCompleted;
        long remote;
        long known;
        double fteDays;
        final List<Long> cycles = new ArrayList<>();
    }
}
