package org.mieruka.simulate;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.mieruka.schemas.reference.PersonalDataLevel;
import org.mieruka.schemas.reference.ProcessDefinition;
import org.mieruka.schemas.reference.TeleworkEligibility;

/**
 * One municipal process (業務) of the model: what the catalog topic publishes, plus what only
 * the simulator knows — the typical minutes per step and the units that own the work.
 */
public record CatalogProcess(String code, String nameJa, String nameEn, String category,
        List<TimedStep> steps, TeleworkEligibility telework, PersonalDataLevel personalData,
        List<String> owners) {

    public CatalogProcess {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameJa, "nameJa");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(telework, "telework");
        Objects.requireNonNull(personalData, "personalData");
        steps = List.copyOf(steps);
        owners = List.copyOf(owners);
        if (steps.size() < 3 || steps.size() > 7) {
            throw new IllegalArgumentException(code + ": a process has 3 to 7 steps, not " + steps.size());
        }
        if (new HashSet<>(steps.stream().map(TimedStep::code).toList()).size() != steps.size()) {
            throw new IllegalArgumentException(code + ": step codes repeat");
        }
        if (owners.isEmpty()) {
            throw new IllegalArgumentException(code + ": no owning unit");
        }
    }

    public int typicalMinutes() {
        return steps.stream().mapToInt(TimedStep::typicalMinutes).sum();
    }

    public ProcessDefinition toRecord() {
        return new ProcessDefinition(code, nameJa, nameEn, category,
                steps.stream().map(TimedStep::toRecord).toList(), telework, personalData);
    }
}
