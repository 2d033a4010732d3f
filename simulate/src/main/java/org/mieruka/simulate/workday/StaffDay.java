package org.mieruka.simulate.workday;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.reference.DutyType;

/**
 * One employee's planned day: where they work and from when to when. The simulator's own truth
 * about the day; what the systems record of it are the events.
 */
record StaffDay(String employee, String unit, DutyType duty, double fte, LocalDate date, Location mode,
                ZonedDateTime start, ZonedDateTime end, boolean holidayWork) {

    boolean remote() {
        return mode == Location.HOME || mode == Location.SATELLITE;
    }

    /** Steps of a process that may be done remotely only when the process allows it. */
    boolean mayDo(org.mieruka.schemas.reference.TeleworkEligibility eligibility, boolean counterStep) {
        if (!remote()) {
            return true;
        }
        return switch (eligibility) {
            case YES -> true;
            case PARTIAL -> !counterStep;
            default -> false;
        };
    }
}
