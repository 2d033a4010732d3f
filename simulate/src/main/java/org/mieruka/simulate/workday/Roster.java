package org.mieruka.simulate.workday;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mieruka.schemas.reference.DirectoryEntry;

/** The directory as the simulator walks it: who is assigned where on a date, in employee-id order. */
final class Roster {

    private final Map<String, List<DirectoryEntry>> rows = new TreeMap<>();

    Roster(List<DirectoryEntry> directory) {
        for (DirectoryEntry entry : directory) {
            rows.computeIfAbsent(entry.getEmployee(), e -> new ArrayList<>()).add(entry);
        }
        rows.values().forEach(list -> list.sort(Comparator.comparing(DirectoryEntry::getValidFrom)));
    }

    /** Each employee's row on {@code date}, for those assigned to a unit then. */
    List<DirectoryEntry> assigned(LocalDate date) {
        List<DirectoryEntry> assigned = new ArrayList<>();
        for (List<DirectoryEntry> history : rows.values()) {
            DirectoryEntry current = null;
            for (DirectoryEntry row : history) {
                if (row.getValidFrom().isAfter(date)) {
                    break;
                }
                current = row;
            }
            if (current != null && current.getOrgUnit() != null) {
                assigned.add(current);
            }
        }
        return assigned;
    }
}
