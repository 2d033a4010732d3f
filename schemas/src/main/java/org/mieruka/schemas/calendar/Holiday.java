package org.mieruka.schemas.calendar;

import java.time.LocalDate;
import java.util.Objects;
import org.mieruka.schemas.reference.DayType;

/** One non-working day of the calendar with the reason it is listed and its names. */
public record Holiday(LocalDate date, DayType type, String nameJa, String nameEn) {

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(nameJa, "nameJa");
        Objects.requireNonNull(nameEn, "nameEn");
    }
}
