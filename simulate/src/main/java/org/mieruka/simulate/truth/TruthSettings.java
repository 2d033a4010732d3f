package org.mieruka.simulate.truth;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The thresholds of metrics.md, each a setting with the default shown there.
 *
 * @param zone            city.time_zone: every date, week and working hour is local to it
 * @param activityGap     activity.gap: a non-meeting event is credited up to the next event at most this much later
 * @param activityTail    activity.tail: otherwise it is credited this much
 * @param workStart       start of working hours on working days
 * @param workEnd         end (exclusive) of working hours on working days
 * @param latenessGrace   lateness.grace: how far a source's stream time may pass the end of an event's date
 * @param readinessWindow local days of the readiness and paperless window, ending on the report date
 * @param minGroup        privacy.min_group: fewest distinct employees a shown value may aggregate
 */
public record TruthSettings(ZoneId zone, Duration activityGap, Duration activityTail, LocalTime workStart,
                            LocalTime workEnd, Duration latenessGrace, int readinessWindow, int minGroup) {

    public static TruthSettings defaults() {
        return defaults(ZoneId.of("Asia/Tokyo"));
    }

    /** The defaults of metrics.md in another city's time zone. */
    public static TruthSettings defaults(ZoneId zone) {
        return new TruthSettings(zone, Duration.ofMinutes(15), Duration.ofMinutes(5), LocalTime.of(8, 30),
                LocalTime.of(17, 15), Duration.ofDays(14), 90, 5);
    }
}
