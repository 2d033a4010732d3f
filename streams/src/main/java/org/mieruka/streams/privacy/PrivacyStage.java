package org.mieruka.streams.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.mieruka.schemas.deadletter.DeadLetter;
import org.mieruka.schemas.deadletter.DeadLetters;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.deadletter.Stage;
import org.mieruka.schemas.event.PseudonymousEvent;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.json.Rejection;
import org.mieruka.schemas.serde.EventDecodingException;
import org.mieruka.schemas.serde.SingleObjectSerde;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.source.AttributeAllowList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The privacy stage, first of the stream processors: for each raw record, (1) bytes that are no
 * WorkEvent go to the dead-letter topic as UNDECODABLE; (2) a (source_system, event_id) already
 * passed is counted as a duplicate — as a conflict when its content differs — and dropped, the first
 * accepted version being authoritative; (3) the event is screened again for Individual Numbers and
 * personal data, and refused with its payload withheld; (4) an event whose source is not in the
 * sources file is UNKNOWN_SOURCE; (5) an event that comes after its source's stream time has passed
 * the end of its date plus the grace is LATE; (6) attributes not on its source's allow-list are
 * dropped and counted, those the contract defines for its kind kept; (7) the staff id is replaced
 * by its pseudonym. Nothing after this stage sees a raw staff id. Logs carry offsets and reasons,
 * never values or ids.
 */
final class PrivacyStage implements Processor<byte[], byte[], String, PrivacyOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyStage.class);

    private final PseudonymKeys keys;
    private final WorkEventScreen screen;
    private final AttributeAllowList allowList;
    private final Counters counters;
    private final SingleObjectSerde<WorkEvent> serde = Serdes.workEvent();
    private final Duration remembered;
    private final Lateness lateness;
    private ProcessorContext<String, PrivacyOutcome> context;
    private TimestampedKeyValueStore<String, Long> seen;
    private KeyValueStore<String, Long> streamTime;

    /** The stage's meters, shared by every task. */
    static final class Counters {
        final Counter passed;
        final Counter duplicates;
        final Counter conflicts;
        final Counter undecodable;
        final MeterRegistry registry;

        /** With an attributes-dropped counter at zero for each registered source, so rates start from zero. */
        Counters(MeterRegistry registry, AttributeAllowList allowList) {
            this(registry);
            allowList.sources().forEach(this::dropped);
        }

        private Counters(MeterRegistry registry) {
            this.registry = registry;
            this.passed = outcome("pseudonymised");
            this.duplicates = outcome("duplicate");
            this.conflicts = Counter.builder("mieruka.streams.privacy.conflicts")
                    .description("Repeated event ids whose content differed from the first accepted version")
                    .register(registry);
            this.undecodable = outcome("undecodable");
        }

        private Counter outcome(String outcome) {
            return Counter.builder("mieruka.streams.privacy.events").tag("outcome", outcome)
                    .description("Raw events through the privacy stage, by outcome").register(registry);
        }

        /** Attributes dropped for not being on their source's allow-list; source ids are configuration. */
        Counter dropped(String source) {
            return Counter.builder("mieruka.streams.privacy.attributes.dropped").tag("source", source)
                    .description("Attributes dropped from events: not on their source's allow-list")
                    .register(registry);
        }

        Counter rejected(RejectionReason reason) {
            return Counter.builder("mieruka.streams.privacy.rejected").tag("reason", reason.name())
                    .description("Events refused by the privacy stage, by reason").register(registry);
        }
    }

    /**
     * @param remembered how long (in event time) an event id is remembered for deduplication: as long
     *                   as the raw topic keeps events, past which no repeat can come from a replay
     */
    PrivacyStage(PseudonymKeys keys, WorkEventScreen screen, AttributeAllowList allowList, Counters counters,
                 Duration remembered, Lateness lateness) {
        this.keys = keys;
        this.screen = screen;
        this.allowList = allowList;
        this.counters = counters;
        this.remembered = remembered;
        this.lateness = lateness;
    }

    @Override
    public void init(ProcessorContext<String, PrivacyOutcome> context) {
        this.context = context;
        this.seen = context.getStateStore(PrivacyTopology.SEEN_STORE);
        this.streamTime = context.getStateStore(PrivacyTopology.STREAM_TIME_STORE);
        // Once an hour of stream time, forget ids older than the raw topic's retention, so the store
        // holds that window and not the whole history.
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forget);
    }

    private void forget(long streamTime) {
        long before = streamTime - remembered.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<Long>> all = seen.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.timestamp() < before) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(seen::delete);
        if (!expired.isEmpty()) {
            LOG.info("event ids forgotten count={} older-than-ms={}", expired.size(), before);
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        WorkEvent event;
        try {
            event = serde.decode(record.value());
        } catch (EventDecodingException e) {
            counters.undecodable.increment();
            deadLetter(record, null, RejectionReason.UNDECODABLE, null, e.getMessage());
            return;
        }
        if (event == null) {
            return; // a tombstone: nothing to count
        }
        String key = event.getSourceSystem() + "/" + event.getEventId();
        long content = contentHash(event);
        ValueAndTimestamp<Long> first = seen.get(key);
        if (first != null) {
            counters.duplicates.increment();
            if (first.value() != content) {
                counters.conflicts.increment();
            }
            return;
        }
        // Privacy first (events.md, "Rejections"): a late event that carries an Individual Number is
        // refused as MY_NUMBER, its payload withheld, not kept in a LATE dead letter.
        Optional<Rejection> refused = screen.screen(event);
        if (refused.isPresent()) {
            Rejection rejection = refused.get();
            counters.rejected(rejection.reason()).increment();
            deadLetter(record, event.getSourceSystem(), rejection.reason(), rejection.field(), rejection.message());
            return;
        }
        // After the screen (privacy first): an unknown source's event that carries an Individual Number
        // is refused as MY_NUMBER, its payload withheld.
        Optional<Set<String>> allowed = allowList.allowed(event.getSourceSystem());
        if (allowed.isEmpty()) {
            counters.rejected(RejectionReason.UNKNOWN_SOURCE).increment();
            deadLetter(record, event.getSourceSystem(), RejectionReason.UNKNOWN_SOURCE, "source_system",
                    "not a source of the sources file (privacy.sources-file)");
            return;
        }
        // The collectors send each source to one raw partition in acceptance order, so this task sees
        // every event of the source, in that order: the source's stream time is exact.
        Long sourceTime = streamTime.get(event.getSourceSystem());
        if (lateness.late(event.getOccurredAt(), sourceTime)) {
            counters.rejected(RejectionReason.LATE).increment();
            deadLetter(record, event.getSourceSystem(), RejectionReason.LATE, "occurred_at",
                    "arrived after its source's stream time passed the end of its local date plus the grace");
            return;
        }
        seen.put(key, ValueAndTimestamp.make(content, record.timestamp()));
        long occurred = event.getOccurredAt().toEpochMilli();
        if (sourceTime == null || occurred > sourceTime) {
            streamTime.put(event.getSourceSystem(), occurred);
        }
        // After the screen: attributes that are dropped were scanned all the same (events.md).
        Map<String, String> attributes = AttributeAllowList.kept(allowed.get(), event.getKind(), event.getAttributes());
        int dropped = event.getAttributes().size() - attributes.size();
        if (dropped > 0) {
            counters.dropped(event.getSourceSystem()).increment(dropped);
        }
        PseudonymousEvent out = pseudonymous(event, attributes);
        counters.passed.increment();
        context.forward(new Record<>(out.getEmployeePseudonym(), new PrivacyOutcome(out, null), record.timestamp()));
    }

    private PseudonymousEvent pseudonymous(WorkEvent event, Map<String, String> attributes) {
        return PseudonymousEvent.newBuilder()
                .setEventId(event.getEventId()).setSourceSystem(event.getSourceSystem()).setKind(event.getKind())
                .setAction(event.getAction()).setOccurredAt(event.getOccurredAt())
                .setEmployeePseudonym(keys.pseudonym(event.getEmployee())).setPseudonymKey(keys.activeId())
                .setOrgUnit(event.getOrgUnit()).setObjectId(event.getObjectId()).setProcessCode(event.getProcessCode())
                .setChannel(event.getChannel()).setLocation(event.getLocation()).setDurationMs(event.getDurationMs())
                .setAttributes(attributes).setReceivedAt(event.getReceivedAt()).build();
    }

    /** Equal as facts: the collector's arrival stamp is not content. */
    private long contentHash(WorkEvent event) {
        byte[] bytes = serde.encode(WorkEvent.newBuilder(event).setReceivedAt(null).build());
        long hash = 1125899906842597L;
        for (byte b : bytes) {
            hash = 31 * hash + b;
        }
        return hash;
    }

    private void deadLetter(Record<byte[], byte[]> record, String source, RejectionReason reason, String field,
                            String message) {
        RecordMetadata origin = context.recordMetadata().orElse(null);
        String topic = origin == null ? null : origin.topic();
        int partition = origin == null ? -1 : origin.partition();
        long offset = origin == null ? -1 : origin.offset();
        LOG.warn("event refused by the privacy stage topic={} partition={} offset={} reason={}", topic, partition,
                offset, reason);
        DeadLetter letter = DeadLetters.ofRecord(source, Stage.STREAMS, reason, field, message, record.value(),
                Instant.ofEpochMilli(record.timestamp()), topic, partition, offset);
        context.forward(new Record<>(letter.getSource(), new PrivacyOutcome(null, letter), record.timestamp()));
    }
}
