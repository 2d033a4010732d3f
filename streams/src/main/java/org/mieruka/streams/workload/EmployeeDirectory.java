package org.mieruka.streams.workload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mieruka.schemas.reference.PseudonymousDirectoryEntry;

/**
 * One employee's directory rows over time: on date D the row in force is the latest with
 * valid_from ≤ D; before the first row the employee has no unit.
 */
final class EmployeeDirectory {

    final List<PseudonymousDirectoryEntry> rows;

    EmployeeDirectory(List<PseudonymousDirectoryEntry> rows) {
        this.rows = new ArrayList<>(rows);
        this.rows.sort(Comparator.comparing(PseudonymousDirectoryEntry::getValidFrom));
    }

    static EmployeeDirectory empty() {
        return new EmployeeDirectory(List.of());
    }

    PseudonymousDirectoryEntry row(LocalDate date) {
        PseudonymousDirectoryEntry found = null;
        for (PseudonymousDirectoryEntry row : rows) {
            if (row.getValidFrom().isAfter(date)) {
                break;
            }
            found = row;
        }
        return found;
    }

    /** The unit on {@code date}, or null (no row yet, or a row without unit: the employee left). */
    String unit(LocalDate date) {
        PseudonymousDirectoryEntry row = row(date);
        return row == null ? null : row.getOrgUnit();
    }

    /** Directory FTE on {@code date}; 0 when the employee has no unit then. */
    double fte(LocalDate date) {
        PseudonymousDirectoryEntry row = row(date);
        return row == null || row.getOrgUnit() == null ? 0.0 : row.getFte();
    }

    /** Puts or replaces the row of its valid_from. */
    void put(PseudonymousDirectoryEntry entry) {
        remove(entry.getValidFrom());
        rows.add(entry);
        rows.sort(Comparator.comparing(PseudonymousDirectoryEntry::getValidFrom));
    }

    void remove(LocalDate validFrom) {
        rows.removeIf(r -> r.getValidFrom().equals(validFrom));
    }
}
