package org.mieruka.schemas.topic;

import java.time.Duration;
import java.util.List;

/** Every topic Mieruka reads or writes, in one place. docs/topics.md is checked against it. */
public final class TopicCatalog {

    public static final String DEFAULT_PREFIX = "mieruka.";

    /** Accepted WorkEvents as collectors wrote them; the input of the stream processors. */
    public static final TopicSpec RAW_EVENTS = new TopicSpec("events.raw", 6, false, Duration.ofDays(90),
            "source_system + '/' + event_id", "WorkEvent",
            "Accepted work-activity events, before pseudonymisation. Short-lived: kept only for reprocessing.");

    /** Events and records rejected anywhere in the pipeline, with their reason. */
    public static final TopicSpec DEAD_LETTER = new TopicSpec("events.dead-letter", 1, false, Duration.ofDays(90),
            "source_system", "JSON: source, reason, field, message, time (payload never included)",
            "Rejected events with exactly one reason code; nothing is dropped without one.");

    /** Event counts per source, kind and local date (the walking-skeleton metric). */
    public static final TopicSpec EVENT_COUNTS = new TopicSpec("metrics.event-counts", 3, true, Duration.ofDays(30),
            "source_system + '/' + kind + '/' + event_date", "EventCount",
            "Accepted events per source, kind and local date; every update carries a higher version.");

    private TopicCatalog() {
    }

    public static List<TopicSpec> all() {
        return List.of(RAW_EVENTS, DEAD_LETTER, EVENT_COUNTS);
    }
}
