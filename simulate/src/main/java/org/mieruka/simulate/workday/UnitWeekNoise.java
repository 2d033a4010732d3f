package org.mieruka.simulate.workday;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.SplittableRandom;

/**
 * How much busier or quieter a section is in a week than its size says: a log-normal factor with
 * mean 1, drawn from the seed, the section and the week alone, so it does not depend on the order
 * of anything else.
 */
final class UnitWeekNoise {

    private final long seed;
    private final double sigma;

    UnitWeekNoise(long seed, double sigma) {
        this.seed = seed;
        this.sigma = sigma;
    }

    double factor(String unit, LocalDate date) {
        if (sigma == 0) {
            return 1;
        }
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        SplittableRandom random = new SplittableRandom(seed * 31 + unit.hashCode() * 1_000_003L + monday.toEpochDay());
        return Math.exp(sigma * MeetingPlanner.gaussian(random) - sigma * sigma / 2);
    }
}
