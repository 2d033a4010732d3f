package org.mieruka.simulate.truth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.mieruka.schemas.event.WorkEvent;

/** Per process and period (week and month): the process inventory figures of metrics.md §3. */
final class ProcessTruth {

    private final Attribution attribution;
    private final EmployeeDayBook days;
    private final TruthSettings settings;

    ProcessTruth(Attribution attribution, EmployeeDayBook days, TruthSettings settings) {
        this.attribution = attribution;
        this.days = days;
        this.settings = settings;
    }

    List<TruthReport.ProcessPeriod> periods(List<CaseFacts> cases, List<Credit> credits) {
        List<TruthReport.ProcessPeriod> rows = new ArrayList<>();
        rows.addAll(periods("WEEK", Grouping::week, cases, credits));
        rows.addAll(periods("MONTH", Grouping::month, cases, credits));
        return rows;
    }

    private List<TruthReport.ProcessPeriod> periods(String name, Function<LocalDate, LocalDate> period,
                                                    List<CaseFacts> cases, List<Credit> credits) {
        Map<String, Map<LocalDate, Bucket>> buckets = new TreeMap<>();
        Function<String, Map<LocalDate, Bucket>> of = process -> buckets.computeIfAbsent(process, p -> new TreeMap<>());
        for (CaseFacts c : cases) {
            if (!c.leftCensored()) {
                of.apply(c.process()).computeIfAbsent(period.apply(local(c.opened())), d -> new Bucket()).opened++;
            }
            if (c.closed() != null) {
                Bucket bucket = of.apply(c.process()).computeIfAbsent(period.apply(local(c.closed())), d -> new Bucket());
                bucket.closed++;
                bucket.steps += c.steps().size();
                bucket.handoffs += c.handoffs();
                if (!c.leftCensored()) {
                    bucket.cycles.add(c.cycleMillis());
                }
            }
            for (WorkEvent step : c.steps()) {
                Bucket bucket = of.apply(c.process()).computeIfAbsent(period.apply(local(step)), d -> new Bucket());
                bucket.stepsCompleted++;
                EmployeeDay day = attribution.day(step);
                if (day.workMode() != org.mieruka.schemas.event.Location.UNKNOWN) {
                    bucket.known++;
                    bucket.remote += day.remote() ? 1 : 0;
                }
            }
        }
        // FTE-days: Σ directory FTE over the employee-days with at least one event of the process.
        Map<String, Map<LocalDate, Set<EmployeeDayBook.Key>>> daysOfProcess = new TreeMap<>();
        for (Credit credit : credits) {
            String process = attribution.process(credit.event());
            daysOfProcess.computeIfAbsent(process, p -> new TreeMap<>())
                    .computeIfAbsent(period.apply(credit.date()), d -> new TreeSet<>(
                            java.util.Comparator.comparing(EmployeeDayBook.Key::employee)
                                    .thenComparing(EmployeeDayBook.Key::date)))
                    .add(new EmployeeDayBook.Key(credit.event().getEmployee(), credit.date()));
        }
        daysOfProcess.forEach((process, byPeriod) -> byPeriod.forEach((start, keys) -> {
            Bucket bucket = of.apply(process).computeIfAbsent(start, d -> new Bucket());
            keys.forEach(k -> bucket.fteDays += days.get(k.employee(), k.date()).fte());
        }));

        List<TruthReport.ProcessPeriod> rows = new ArrayList<>();
        buckets.forEach((process, byPeriod) -> byPeriod.forEach((start, b) -> rows.add(
                new TruthReport.ProcessPeriod(process, name, start, b.opened, b.closed,
                        Grouping.percentile(b.cycles, 0.5), Grouping.percentile(b.cycles, 0.9),
                        Grouping.ratio(b.steps, b.closed), Grouping.ratio(b.handoffs, b.closed), b.stepsCompleted,
                        b.remote, b.known, Grouping.ratio(b.remote, b.known), b.fteDays,
                        Grouping.ratio(b.closed, b.fteDays)))));
        return rows;
    }

    private LocalDate local(java.time.Instant instant) {
        return instant.atZone(settings.zone()).toLocalDate();
    }

    private LocalDate local(WorkEvent event) {
        return local(event.getOccurredAt());
    }

    /** Running sums of one process and period. */
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
