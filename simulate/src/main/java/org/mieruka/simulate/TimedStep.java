package org.mieruka.simulate;

import java.util.Objects;
import org.mieruka.schemas.reference.ProcessStep;

/** A process step with the minutes one staff member typically spends on it. */
public record TimedStep(String code, String nameJa, String nameEn, int typicalMinutes) {

    public TimedStep {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameJa, "nameJa");
        Objects.requireNonNull(nameEn, "nameEn");
        if (typicalMinutes <= 0) {
            throw new IllegalArgumentException(code + ": typical minutes must be positive");
        }
    }

    public ProcessStep toRecord() {
        return new ProcessStep(code, nameJa, nameEn);
    }
}
