package org.mieruka.simulate.truth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.mieruka.schemas.reference.DirectoryEntry;

/** The staff directory over time: on date D an employee's row is the latest with valid_from ≤ D. */
final class DirectoryHistory {

    private final Map<String, List<DirectoryEntry>> rowsByEmployee = new HashMap<>();

    DirectoryHistory(List<DirectoryEntry> entries) {
        for (DirectoryEntry entry : entries) {
            rowsByEmployee.computeIfAbsent(entry.getEmployee(), e -> new ArrayList<>()).add(entry);
        }
        rowsByEmployee.values().forEach(rows -> rows.sort(Comparator.comparing(DirectoryEntry::getValidFrom)));
    }

    Optional<DirectoryEntry> row(String employee, LocalDate date) {
        DirectoryEntry found = null;
        for (DirectoryEntry row : rowsByEmployee.getOrDefault(employee, List.of())) {
            if (row.getValidFrom().isAfter(date)) {
                break;
            }
            found = row;
        }
        return Optional.ofNullable(found);
    }

    /** The employee's unit on {@code date}, or null before their first row or after they left. */
    String unit(String employee, LocalDate date) {
        return row(employee, date).map(DirectoryEntry::getOrgUnit).orElse(null);
    }

    /** Directory FTE on {@code date}; 0 for an employee the directory does not know then. */
    double fte(String employee, LocalDate date) {
        return row(employee, date).filter(r -> r.getOrgUnit() != null).map(DirectoryEntry::getFte).orElse(0.0);
    }

    /** Employees whose unit on {@code date} is {@code unit}, in id order. */
    TreeSet<String> assignedTo(String unit, LocalDate date) {
        TreeSet<String> assigned = new TreeSet<>();
        for (String employee : rowsByEmployee.keySet()) {
            if (unit.equals(unit(employee, date))) {
                assigned.add(employee);
            }
        }
        return assigned;
    }

    /** Every unit someone is assigned to on {@code date}. */
    TreeSet<String> units(LocalDate date) {
        TreeSet<String> units = new TreeSet<>();
        for (String employee : rowsByEmployee.keySet()) {
            String unit = unit(employee, date);
            if (unit != null) {
                units.add(unit);
            }
        }
        return units;
    }
}
