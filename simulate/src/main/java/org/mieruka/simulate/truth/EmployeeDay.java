package org.mieruka.simulate.truth;

import java.time.LocalDate;
import org.mieruka.schemas.event.Location;

/**
 * One employee on one local date with at least one activity event (metrics.md §2). Durations in ms.
 *
 * @param unit           the employee's directory unit that day, or UNASSIGNED
 * @param fte            directory FTE that day (0 when the directory does not know the employee)
 * @param workMode       the reported location, else the day's majority location, else UNKNOWN
 * @param reportConflict a report decided the mode and disagreed with the day's majority location
 */
record EmployeeDay(String employee, LocalDate date, String unit, double fte, Location workMode,
                   long active, long span, long afterHours, long meeting, long onlineMeeting, int casesClosed,
                   boolean reportConflict) {

    boolean remote() {
        return workMode == Location.HOME || workMode == Location.SATELLITE;
    }
}
