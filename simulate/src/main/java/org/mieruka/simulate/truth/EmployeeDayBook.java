package org.mieruka.simulate.truth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.event.WorkEvent;

/** Every employee-day of the accepted events, keyed by employee and date (metrics.md §2). */
final class EmployeeDayBook {

    static final String UNASSIGNED = "UNASSIGNED";
    /** Majority ties are broken in this order. */
    private static final List<Location> TIE_ORDER = List.of(Location.OFFICE, Location.HOME, Location.SATELLITE,
            Location.FIELD);

    record Key(String employee, LocalDate date) {
    }

    private final Map<Key, EmployeeDay> days = new TreeMap<>(
            Comparator.comparing(Key::employee).thenComparing(Key::date));

    EmployeeDayBook(Map<String, List<Credit>> creditsByEmployee, List<WorkEvent> reports,
                    DirectoryHistory directory, TruthSettings settings) {
        Map<Key, WorkEvent> latestReport = latestReports(reports);
        for (Map.Entry<String, List<Credit>> entry : creditsByEmployee.entrySet()) {
            Map<LocalDate, List<Credit>> byDate = new TreeMap<>();
            entry.getValue().forEach(c -> byDate.computeIfAbsent(c.date(), d -> new ArrayList<>()).add(c));
            for (Map.Entry<LocalDate, List<Credit>> day : byDate.entrySet()) {
                Key key = new Key(entry.getKey(), day.getKey());
                days.put(key, day(key, day.getValue(), latestReport.get(key), directory));
            }
        }
    }

    EmployeeDay get(String employee, LocalDate date) {
        return days.get(new Key(employee, date));
    }

    List<EmployeeDay> all() {
        return List.copyOf(days.values());
    }

    private static EmployeeDay day(Key key, List<Credit> credits, WorkEvent report, DirectoryHistory directory) {
        long active = 0;
        long afterHours = 0;
        long meeting = 0;
        long online = 0;
        int casesClosed = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        Map<Location, Integer> locations = new EnumMap<>(Location.class);
        for (Credit credit : credits) {
            WorkEvent event = credit.event();
            active += credit.millis();
            afterHours += credit.afterHours();
            if (event.getKind() == EventKind.MEETING) {
                meeting += credit.millis();
                if (event.getChannel() == Channel.ONLINE || event.getChannel() == Channel.HYBRID) {
                    online += credit.millis();
                }
            }
            if (event.getKind() == EventKind.WORKFLOW && "case_closed".equals(event.getAction())) {
                casesClosed++;
            }
            first = Math.min(first, credit.interval().start());
            last = Math.max(last, Math.max(credit.interval().start(), credit.interval().end()));
            if (event.getLocation() != null && event.getLocation() != Location.UNKNOWN) {
                locations.merge(event.getLocation(), 1, Integer::sum);
            }
        }
        Location majority = majority(locations);
        Location mode = report != null ? report.getLocation() : majority != null ? majority : Location.UNKNOWN;
        boolean conflict = report != null && majority != null && majority != report.getLocation();
        String unit = directory.unit(key.employee(), key.date());
        return new EmployeeDay(key.employee(), key.date(), unit == null ? UNASSIGNED : unit,
                directory.fte(key.employee(), key.date()), mode, active, last - first, afterHours, meeting, online,
                casesClosed, conflict);
    }

    private static Location majority(Map<Location, Integer> counts) {
        Location best = null;
        for (Location location : TIE_ORDER) {
            int count = counts.getOrDefault(location, 0);
            if (count > 0 && (best == null || count > counts.get(best))) {
                best = location;
            }
        }
        return best;
    }

    /** The latest report per employee and attributes.date, ignoring reports that say UNKNOWN. */
    private static Map<Key, WorkEvent> latestReports(List<WorkEvent> reports) {
        Map<Key, WorkEvent> latest = new HashMap<>();
        for (WorkEvent report : reports) {
            if (report.getLocation() == null || report.getLocation() == Location.UNKNOWN) {
                continue;
            }
            Key key = new Key(report.getEmployee(), LocalDate.parse(report.getAttributes().get("date")));
            latest.merge(key, report, (a, b) -> CreditCalculator.ORDER.compare(a, b) >= 0 ? a : b);
        }
        return latest;
    }
}
