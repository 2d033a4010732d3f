package org.mieruka.simulate;

import org.mieruka.schemas.reference.DutyType;

/** The shares of a section's staff on counter, field and internal duty; they sum to 1. */
public record DutyMix(double counter, double field, double internal) {

    private static final double TOLERANCE = 1e-9;

    public DutyMix {
        if (counter < 0 || field < 0 || internal < 0
                || Math.abs(counter + field + internal - 1.0) > TOLERANCE) {
            throw new IllegalArgumentException(
                    "duty shares must be non-negative and sum to 1: " + counter + "/" + field + "/" + internal);
        }
    }

    /** From whole percentages as the org chart writes them. */
    static DutyMix ofPercent(int counter, int field, int internal) {
        if (counter + field + internal != 100) {
            throw new IllegalArgumentException("duty percentages must sum to 100: "
                    + counter + "/" + field + "/" + internal);
        }
        return new DutyMix(counter / 100.0, field / 100.0, internal / 100.0);
    }

    public double share(DutyType type) {
        return switch (type) {
            case COUNTER -> counter;
            case FIELD -> field;
            case INTERNAL -> internal;
            default -> 0.0;
        };
    }

    /** The duty a uniform draw u in [0, 1) falls on. */
    DutyType draw(double u) {
        if (u < counter) {
            return DutyType.COUNTER;
        }
        return u < counter + field ? DutyType.FIELD : DutyType.INTERNAL;
    }
}
