package org.mieruka.simulate.truth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.reference.ProcessDefinition;
import org.mieruka.schemas.reference.TeleworkEligibility;

/** Readiness and digitalisation as of a report date, over the window ending on it (metrics.md §5). */
final class ReadinessTruth {

    static final String NEVER_TRIED_REMOTELY = "NEVER_TRIED_REMOTELY";
    static final String NO_ACTIVITY = "NO_ACTIVITY";

    private final Attribution attribution;
    private final DirectoryHistory directory;
    private final EmployeeDayBook days;
    private final TruthSettings settings;

    ReadinessTruth(Attribution attribution, DirectoryHistory directory, EmployeeDayBook days, TruthSettings settings) {
        this.attribution = attribution;
        this.directory = directory;
        this.days = days;
        this.settings = settings;
    }

    TruthReport.Readiness asOf(LocalDate reportDate, List<CaseFacts> cases, List<Credit> credits,
                               List<ProcessDefinition> catalog) {
        LocalDate from = reportDate.minusDays(settings.readinessWindow() - 1L);
        return new TruthReport.Readiness(reportDate, from, processes(from, reportDate, cases, catalog),
                staff(from, reportDate), paperless(from, reportDate, credits));
    }

    private boolean inWindow(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    private List<TruthReport.ProcessReadiness> processes(LocalDate from, LocalDate to, List<CaseFacts> cases,
                                                         List<ProcessDefinition> catalog) {
        Map<String, long[]> steps = new TreeMap<>(); // steps, known, remote
        catalog.forEach(p -> steps.put(p.getProcessCode(), new long[3]));
        for (CaseFacts c : cases) {
            for (WorkEvent step : c.steps()) {
                if (!inWindow(attribution.date(step), from, to)) {
                    continue;
                }
                long[] sum = steps.computeIfAbsent(c.process(), p -> new long[3]);
                sum[0]++;
                EmployeeDay day = attribution.day(step);
                if (day.workMode() != Location.UNKNOWN) {
                    sum[1]++;
                    sum[2] += day.remote() ? 1 : 0;
                }
            }
        }
        Map<String, TeleworkEligibility> eligibility = new TreeMap<>();
        catalog.forEach(p -> eligibility.put(p.getProcessCode(), p.getTeleworkEligibility()));
        List<TruthReport.ProcessReadiness> rows = new ArrayList<>();
        steps.forEach((process, sum) -> {
            TeleworkEligibility eligible = eligibility.get(process);
            String flag = null;
            if (sum[0] == 0) {
                flag = NO_ACTIVITY;
            } else if (sum[2] == 0 && (eligible == TeleworkEligibility.YES || eligible == TeleworkEligibility.PARTIAL)) {
                flag = NEVER_TRIED_REMOTELY;
            }
            rows.add(new TruthReport.ProcessReadiness(process, eligible == null ? null : eligible.name(), sum[0],
                    sum[1], sum[2], Grouping.ratio(sum[2], sum[1]), flag));
        });
        return rows;
    }

    private List<TruthReport.StaffReady> staff(LocalDate from, LocalDate to) {
        Set<String> remoteStaff = new HashSet<>();
        for (EmployeeDay day : days.all()) {
            if (day.remote() && inWindow(day.date(), from, to)) {
                remoteStaff.add(day.employee());
            }
        }
        List<TruthReport.StaffReady> rows = new ArrayList<>();
        for (String unit : directory.units(to)) {
            TreeSet<String> assigned = directory.assignedTo(unit, to);
            int ready = (int) assigned.stream().filter(remoteStaff::contains).count();
            rows.add(new TruthReport.StaffReady(unit, assigned.size(), ready, Grouping.ratio(ready, assigned.size())));
        }
        return rows;
    }

    private List<TruthReport.Paperless> paperless(LocalDate from, LocalDate to, List<Credit> credits) {
        Map<String, long[]> sums = new TreeMap<>(); // prints, electronic, electronic-or-paper, held, online held
        Map<String, Set<String>> documents = new TreeMap<>();
        for (Credit credit : credits) {
            WorkEvent event = credit.event();
            if (!inWindow(credit.date(), from, to)) {
                continue;
            }
            String unit = attribution.orgUnit(event);
            long[] sum = sums.computeIfAbsent(unit, u -> new long[5]);
            if (event.getKind() == EventKind.DOCUMENT) {
                documents.computeIfAbsent(unit, u -> new HashSet<>())
                        .add(event.getSourceSystem() + "\u0000" + event.getObjectId());
                if ("printed".equals(event.getAction())) {
                    sum[0]++;
                }
                if ("approved".equals(event.getAction())) {
                    sum[1] += event.getChannel() == Channel.ELECTRONIC ? 1 : 0;
                    sum[2] += event.getChannel() == Channel.ELECTRONIC || event.getChannel() == Channel.PAPER ? 1 : 0;
                }
            }
            if (event.getKind() == EventKind.MEETING && "held".equals(event.getAction())) {
                sum[3]++;
                sum[4] += event.getChannel() == Channel.ONLINE || event.getChannel() == Channel.HYBRID ? 1 : 0;
            }
        }
        List<TruthReport.Paperless> rows = new ArrayList<>();
        sums.forEach((unit, sum) -> {
            int touched = documents.getOrDefault(unit, Set.of()).size();
            rows.add(new TruthReport.Paperless(unit, sum[0], touched,
                    touched == 0 ? null : sum[0] * 100.0 / touched, sum[1], sum[2], Grouping.ratio(sum[1], sum[2]),
                    sum[3], sum[4], Grouping.ratio(sum[4], sum[3])));
        });
        return rows;
    }
}
