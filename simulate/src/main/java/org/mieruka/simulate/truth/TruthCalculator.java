package org.mieruka.simulate.truth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.reference.ProcessDefinition;

/**
 * The true value of every metric of metrics.md, computed in memory from the events as they
 * arrive. Deliberately simple and independent of the stream processors: it is the yardstick their
 * results are checked against, so it favours being obviously right over being fast.
 */
public final class TruthCalculator {

    private final TruthSettings settings;
    private final Predicate<LocalDate> workingDay;

    public TruthCalculator(TruthSettings settings, Predicate<LocalDate> workingDay) {
        this.settings = settings;
        this.workingDay = workingDay;
    }

    /**
     * @param arrivals   events in the order the pipeline receives them (duplicates and late ones included)
     * @param reportDate the readiness report date, or null for the latest local date of an activity event
     */
    public TruthReport compute(List<WorkEvent> arrivals, List<DirectoryEntry> directoryRows,
                               List<ProcessDefinition> catalog, LocalDate reportDate) {
        AcceptedEvents feed = new AcceptedEvents(arrivals, settings);
        DirectoryHistory directory = new DirectoryHistory(directoryRows);

        Map<String, List<WorkEvent>> activityByEmployee = new TreeMap<>();
        List<WorkEvent> reports = new ArrayList<>();
        for (WorkEvent event : feed.accepted) {
            if (event.getKind() == EventKind.WORK_MODE) {
                reports.add(event);
            } else {
                activityByEmployee.computeIfAbsent(event.getEmployee(), e -> new ArrayList<>()).add(event);
            }
        }
        CreditCalculator calculator = new CreditCalculator(settings, workingDay);
        Map<String, List<Credit>> credits = new TreeMap<>();
        activityByEmployee.forEach((employee, events) -> credits.put(employee, calculator.credit(events)));
        EmployeeDayBook days = new EmployeeDayBook(credits, reports, directory, settings);
        List<CaseFacts> cases = new CaseAssembler(days, settings).assemble(feed.accepted);

        Attribution attribution = new Attribution(directory, days, cases, settings);
        List<Credit> allCredits = credits.values().stream().flatMap(List::stream).toList();
        WorkloadTruth workload = new WorkloadTruth(attribution);
        LocalDate asOf = reportDate != null ? reportDate
                : allCredits.stream().map(Credit::date).max(LocalDate::compareTo).orElse(null);

        TruthReport.Counts counts = new TruthReport.Counts(arrivals.size(), feed.accepted.size(), feed.duplicates,
                feed.conflicts, feed.late.size(), attribution.unitDiffersFromDirectory(allCredits),
                days.all().size(), days.all().stream().filter(EmployeeDay::reportConflict).count(), cases.size(),
                cases.stream().filter(CaseFacts::leftCensored).count());
        return new TruthReport(counts,
                workload.workHours(allCredits),
                workload.teleworkEffect(days.all(), cases),
                new ProcessTruth(attribution, days, settings).periods(cases, allCredits),
                asOf == null ? null : new ReadinessTruth(attribution, directory, days, settings)
                        .asOf(asOf, cases, allCredits, catalog));
    }
}
