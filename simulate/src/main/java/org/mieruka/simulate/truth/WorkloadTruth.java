package org.mieruka.simulate.truth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mieruka.schemas.event.WorkEvent;

/** Estimated work hours (metrics.md §1) and the telework effect (§4). */
final class WorkloadTruth {

    private final Attribution attribution;

    WorkloadTruth(Attribution attribution) {
        this.attribution = attribution;
    }

    List<TruthReport.WorkHours> workHours(List<Credit> credits) {
        Map<List<String>, long[]> sums = new TreeMap<>(WorkloadTruth::compareKeys);
        Map<List<String>, Set<String>> employees = new TreeMap<>(WorkloadTruth::compareKeys);
        for (Credit credit : credits) {
            WorkEvent event = credit.event();
            List<String> key = List.of(attribution.orgUnit(event), Grouping.week(credit.date()).toString(),
                    attribution.process(event), event.getKind().name(), Grouping.orUnassigned(event.getChannel()),
                    attribution.day(event).workMode().name());
            long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
            sum[0] += credit.millis();
            sum[1]++;
            employees.computeIfAbsent(key, k -> new HashSet<>()).add(event.getEmployee());
        }
        List<TruthReport.WorkHours> rows = new ArrayList<>();
        sums.forEach((key, sum) -> rows.add(new TruthReport.WorkHours(key.get(0), LocalDate.parse(key.get(1)),
                key.get(2), key.get(3), key.get(4), key.get(5), sum[0], sum[1], employees.get(key).size())));
        return rows;
    }

    List<TruthReport.TeleworkEffect> teleworkEffect(List<EmployeeDay> days, List<CaseFacts> cases) {
        Map<List<String>, List<EmployeeDay>> groups = new TreeMap<>(WorkloadTruth::compareKeys);
        for (EmployeeDay day : days) {
            groups.computeIfAbsent(key(day), k -> new ArrayList<>()).add(day);
        }
        Map<List<String>, List<Long>> cycles = new TreeMap<>(WorkloadTruth::compareKeys);
        for (CaseFacts c : cases) {
            if (c.closed() != null && !c.leftCensored() && !c.steps().isEmpty()) {
                WorkEvent last = c.steps().get(c.steps().size() - 1);
                cycles.computeIfAbsent(key(attribution.day(last)), k -> new ArrayList<>()).add(c.cycleMillis());
            }
        }
        List<TruthReport.TeleworkEffect> rows = new ArrayList<>();
        groups.forEach((key, group) -> {
            long active = group.stream().mapToLong(EmployeeDay::active).sum();
            long afterHours = group.stream().mapToLong(EmployeeDay::afterHours).sum();
            long meeting = group.stream().mapToLong(EmployeeDay::meeting).sum();
            long online = group.stream().mapToLong(EmployeeDay::onlineMeeting).sum();
            long closed = group.stream().mapToLong(EmployeeDay::casesClosed).sum();
            int employees = (int) group.stream().map(EmployeeDay::employee).distinct().count();
            List<Long> groupCycles = cycles.getOrDefault(key, List.of());
            rows.add(new TruthReport.TeleworkEffect(key.get(0), LocalDate.parse(key.get(1)), key.get(2), group.size(),
                    employees, active, afterHours, meeting, online, closed,
                    Grouping.ratio(active / 3_600_000.0, group.size()), Grouping.ratio(closed, group.size()),
                    Grouping.ratio(afterHours, active), Grouping.ratio(meeting, active), Grouping.ratio(online, meeting),
                    groupCycles.size(), Grouping.percentile(groupCycles, 0.5)));
        });
        return rows;
    }

    private static List<String> key(EmployeeDay day) {
        return List.of(day.unit(), Grouping.week(day.date()).toString(), day.workMode().name());
    }

    static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
