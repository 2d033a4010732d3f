package org.mieruka.simulate;

import java.time.LocalDate;
import java.util.Objects;

/** A personnel-change day (人事異動) and the share of regular staff moved to another section. */
public record PersonnelChange(LocalDate date, double share) {

    public PersonnelChange {
        Objects.requireNonNull(date, "date");
    }
}
