package org.mieruka.streams;

import java.time.LocalDate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.mieruka.schemas.event.PseudonymousEvent;
import org.mieruka.schemas.metric.EventCount;
import org.mieruka.schemas.serde.SingleObjectSerde;
import org.mieruka.schemas.topic.TopicCatalog;

/**
 * Counts accepted events per source system, kind and local date: the pipeline's first metric.
 * Each update of a key is emitted with a higher version so the store keeps only the newest.
 */
public final class EventCountTopology {

    public static final String STORE = "event-counts-by-source-kind-date";

    private EventCountTopology() {
    }

    public static Topology build(StreamsBuilder builder, StreamsAppConfig config) {
        SingleObjectSerde<PseudonymousEvent> events = org.mieruka.schemas.serde.Serdes.pseudonymousEvent();
        SingleObjectSerde<EventCount> counts = org.mieruka.schemas.serde.Serdes.eventCount();
        // Counted after the privacy stage: each (source_system, event_id) once, screened.
        builder.stream(TopicCatalog.PSEUDONYMOUS_EVENTS.name(config.topicsPrefix),
                        Consumed.with(Serdes.String(), events).withName("pseudonymous-events-for-counts"))
                .filter((key, event) -> event != null, Named.as("drop-tombstones"))
                .groupBy((key, event) -> countKey(event, config),
                        Grouped.with("by-source-kind-date", Serdes.String(), events))
                .aggregate(() -> null,
                        (key, event, current) -> increment(current, event, config),
                        Named.as("count-events"),
                        Materialized.<String, EventCount, org.apache.kafka.streams.state.KeyValueStore<
                                org.apache.kafka.common.utils.Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(counts))
                .toStream(Named.as("count-updates"))
                .to(TopicCatalog.EVENT_COUNTS.name(config.topicsPrefix),
                        Produced.with(Serdes.String(), counts).withName("event-counts-out"));
        return builder.build();
    }

    static String countKey(PseudonymousEvent event, StreamsAppConfig config) {
        return event.getSourceSystem() + "/" + event.getKind() + "/" + localDate(event, config);
    }

    private static LocalDate localDate(PseudonymousEvent event, StreamsAppConfig config) {
        return event.getOccurredAt().atZone(config.zone).toLocalDate();
    }

    private static EventCount increment(EventCount current, PseudonymousEvent event, StreamsAppConfig config) {
        if (current == null) {
            return EventCount.newBuilder()
                    .setSourceSystem(event.getSourceSystem())
                    .setKind(event.getKind().name())
                    .setEventDate(localDate(event, config))
                    .setEvents(1)
                    .setVersion(org.mieruka.streams.workload.RecordVersion.floor(System.currentTimeMillis()))
                    .build();
        }
        return EventCount.newBuilder(current)
                .setEvents(current.getEvents() + 1)
                .setVersion(Math.max(current.getVersion() + 1,
                        org.mieruka.streams.workload.RecordVersion.floor(System.currentTimeMillis())))
                .build();
    }
}
