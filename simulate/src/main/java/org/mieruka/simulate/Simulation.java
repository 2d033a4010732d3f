package org.mieruka.simulate;

import java.time.ZoneId;
import java.util.List;
import java.util.function.LongConsumer;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.simulate.truth.TruthCalculator;
import org.mieruka.simulate.truth.TruthReport;
import org.mieruka.simulate.truth.TruthSettings;
import org.mieruka.simulate.workday.ActivityConfig;
import org.mieruka.simulate.workday.Scenario;
import org.mieruka.simulate.workday.WorkdaySimulation;

/**
 * One simulated city at work: its reference data, its events in arrival order, the scenario, and
 * the true value of every metric computed from those events.
 */
public record Simulation(Municipality city, ActivityConfig activity, Scenario scenario, ZoneId zone,
                         List<WorkEvent> events, TruthReport truth) {

    /** @param progress hears the number of events made after each simulated day */
    public static Simulation run(Municipality city, ActivityConfig activity, Scenario scenario, ZoneId zone,
                                 LongConsumer progress) {
        List<WorkEvent> events = new WorkdaySimulation(city, activity, scenario, zone).run(progress);
        TruthSettings settings = TruthSettings.defaults(zone);
        TruthReport truth = new TruthCalculator(settings, city.calendar()::isWorkingDay)
                .compute(events, city.directory(), city.catalog().definitions(), null);
        return new Simulation(city, activity, scenario, zone, List.copyOf(events), truth);
    }
}
