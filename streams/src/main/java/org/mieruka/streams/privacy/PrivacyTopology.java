package org.mieruka.streams.privacy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.mieruka.schemas.privacy.PersonalDataScanner;
import org.mieruka.schemas.reference.PseudonymousDirectoryEntry;
import org.mieruka.schemas.source.AttributeAllowList;
import org.mieruka.schemas.topic.TopicCatalog;

/**
 * Adds the privacy stage to a topology: events.raw → (decode, deduplicate, screen, refuse unknown
 * sources, judge lateness, drop attributes off the source's allow-list, pseudonymise) →
 * events.pseudonymous keyed by pseudonym, refusals → events.dead-letter. A pure function of its
 * arguments, so tests build exactly what runs.
 */
public final class PrivacyTopology {

    /**
     * (source_system/event_id) → content hash and time of the first accepted version; ids older than
     * the raw topic's retention (90 days of event time) are forgotten once an hour.
     */
    public static final String SEEN_STORE = "privacy-seen-event-ids";

    private PrivacyTopology() {
    }

    /** source_system → its stream time: the largest occurred_at accepted so far (epoch ms). */
    public static final String STREAM_TIME_STORE = "privacy-source-stream-time";

    /**
     * @param allowList the sources file's allow-lists: attributes off an event's source's list are dropped
     *                  and counted, events of a source not in it dead-lettered as UNKNOWN_SOURCE
     */
    public static void build(StreamsBuilder builder, String topicsPrefix, PseudonymKeys keys,
                             AttributeAllowList allowList, ZoneId zone, Duration grace, MeterRegistry registry) {
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(SEEN_STORE), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STREAM_TIME_STORE),
                Serdes.String(), Serdes.Long()));
        PrivacyStage.Counters counters = new PrivacyStage.Counters(registry, allowList);
        WorkEventScreen screen = new WorkEventScreen(PersonalDataScanner.defaults());
        KStream<String, PrivacyOutcome> outcomes = builder
                .stream(TopicCatalog.RAW_EVENTS.name(topicsPrefix),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("privacy-raw-events"))
                .process(() -> new PrivacyStage(keys, screen, allowList, counters, TopicCatalog.RAW_EVENTS.retention(),
                                new Lateness(zone, grace)), Named.as("privacy-stage"), SEEN_STORE, STREAM_TIME_STORE);
        outcomes.filter((key, outcome) -> outcome.event() != null, Named.as("privacy-passed"))
                .mapValues(PrivacyOutcome::event, Named.as("privacy-event"))
                .to(TopicCatalog.PSEUDONYMOUS_EVENTS.name(topicsPrefix), Produced.with(Serdes.String(),
                        org.mieruka.schemas.serde.Serdes.pseudonymousEvent()).withName("pseudonymous-events"));
        DirectoryPseudonymiser directory = new DirectoryPseudonymiser(keys);
        Counter unreadableRows = Counter.builder("mieruka.streams.privacy.directory.unreadable")
                .description("Directory records that are no DirectoryEntry of a released schema, left out")
                .register(registry);
        builder.stream(TopicCatalog.DIRECTORY.name(topicsPrefix),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("privacy-directory"))
                .flatMap((key, value) -> {
                    KeyValue<String, PseudonymousDirectoryEntry> row = directory.apply(key, value);
                    if (row == null) {
                        unreadableRows.increment();
                        return List.of();
                    }
                    return List.of(row);
                }, Named.as("privacy-directory-pseudonymise"))
                .to(TopicCatalog.DIRECTORY_PSEUDONYMOUS.name(topicsPrefix), Produced.with(Serdes.String(),
                        org.mieruka.schemas.serde.Serdes.pseudonymousDirectoryEntry())
                        .withName("pseudonymous-directory"));
        outcomes.filter((key, outcome) -> outcome.deadLetter() != null, Named.as("privacy-refused"))
                .mapValues(PrivacyOutcome::deadLetter, Named.as("privacy-dead-letter"))
                .to(TopicCatalog.DEAD_LETTER.name(topicsPrefix), Produced.with(Serdes.String(),
                        org.mieruka.schemas.serde.Serdes.deadLetter()).withName("privacy-dead-letters"));
    }
}
