package org.mieruka.streams.workload;

import org.mieruka.schemas.event.PseudonymousEvent;
import org.mieruka.schemas.reference.PseudonymousDirectoryEntry;

/**
 * What reaches the workload stage for one employee: an event (activity or work-mode report), or a
 * directory row, or the removal of the row keyed {@code directoryKey} (pseudonym/valid_from).
 */
public record EmployeeInput(PseudonymousEvent event, PseudonymousDirectoryEntry row, String directoryKey) {

    public static EmployeeInput event(PseudonymousEvent event) {
        return new EmployeeInput(event, null, null);
    }

    public static EmployeeInput directory(String key, PseudonymousDirectoryEntry row) {
        return new EmployeeInput(null, row, key);
    }
}
