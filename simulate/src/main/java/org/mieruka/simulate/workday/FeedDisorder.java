package org.mieruka.simulate.workday;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.mieruka.schemas.event.WorkEvent;

/**
 * The order in which the collector receives the events, as real feeds deliver them: mostly as
 * they happen, some a few days late, a very few weeks late (LATE), some twice — a tenth of those
 * with a changed attribute (a conflict the pipeline must count, not apply).
 */
final class FeedDisorder {

    private record Arrival(Instant at, WorkEvent event) {
    }

    private final ActivityConfig config;

    FeedDisorder(ActivityConfig config) {
        this.config = config;
    }

    List<WorkEvent> arrivalOrder(List<WorkEvent> events, SplittableRandom random) {
        List<Arrival> arrivals = new ArrayList<>(events.size());
        for (WorkEvent event : events) {
            Instant at = event.getOccurredAt().plusSeconds(random.nextInt(120)); // a little transport delay
            double draw = random.nextDouble();
            if (draw < config.lostShare()) {
                at = at.plus(Duration.ofDays(20));
            } else if (draw < config.lostShare() + config.delayedShare()) {
                at = at.plus(Duration.ofHours(24 + random.nextInt(48)));
            }
            arrivals.add(new Arrival(at, event));
            if (random.nextDouble() < config.duplicateShare()) {
                WorkEvent again = WorkEvent.newBuilder(event).setAttributes(new HashMap<>(event.getAttributes())).build();
                if (random.nextDouble() < 0.1) {
                    again.getAttributes().put("resent", "changed");
                }
                arrivals.add(new Arrival(at.plusSeconds(60 + random.nextInt(3600)), again));
            }
        }
        arrivals.sort(Comparator.comparing(Arrival::at).thenComparing(a -> a.event().getSourceSystem())
                .thenComparing(a -> a.event().getEventId()));
        return arrivals.stream().map(Arrival::event).toList();
    }
}
