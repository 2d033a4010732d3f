package org.mieruka.simulate;

import java.util.Objects;
import org.mieruka.schemas.reference.OrgUnit;

/**
 * One org unit of the model. A department (部) has no parent, no duty mix and no staff; a
 * section (課) has its department as parent, a duty mix and a headcount weight.
 */
public record Unit(String code, String parent, String nameJa, String nameEn, DutyMix dutyMix,
        int headcountWeight) {

    public Unit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameJa, "nameJa");
        Objects.requireNonNull(nameEn, "nameEn");
        if ((dutyMix == null) != (headcountWeight == 0) || headcountWeight < 0) {
            throw new IllegalArgumentException(
                    code + ": a staffed unit needs a duty mix and a positive headcount weight");
        }
    }

    public boolean staffed() {
        return headcountWeight > 0;
    }

    public OrgUnit toRecord() {
        return new OrgUnit(code, nameJa, nameEn, parent);
    }
}
