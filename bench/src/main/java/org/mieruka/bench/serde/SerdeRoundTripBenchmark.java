package org.mieruka.bench.serde;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.serde.SingleObjectSerde;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The WorkEvent serde as Kafka calls it: {@code serializer().serialize(topic, event)} and
 * {@code deserializer().deserialize(topic, bytes)}, Avro single-object encoding.
 *
 * <p>Run: {@code java -jar bench/target/mieruka-bench.jar SerdeRoundTrip -t 1} (see docs/benchmarks.md).
 * The default event is a typical DOCUMENT/edited; {@code -p event=MEETING} measures a MEETING/held
 * instead. Target (from the issue): at least 1,000,000 round trips per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
public class SerdeRoundTripBenchmark {

    private static final String TOPIC = "mieruka.events.raw";

    /** Which typical event to encode: DOCUMENT (edited) or MEETING (held). */
    @Param({"DOCUMENT"})
    public String event;

    private Serializer<WorkEvent> serializer;
    private Deserializer<WorkEvent> deserializer;
    private WorkEvent record;
    private byte[] encoded;

    @Setup
    public void setUp() {
        SingleObjectSerde<WorkEvent> serde = Serdes.workEvent();
        serializer = serde.serializer();
        deserializer = serde.deserializer();
        record = switch (event) {
            case "DOCUMENT" -> document();
            case "MEETING" -> meeting();
            default -> throw new IllegalArgumentException("event must be DOCUMENT or MEETING, not " + event);
        };
        encoded = serializer.serialize(TOPIC, record);
        WorkEvent decoded = deserializer.deserialize(TOPIC, encoded);
        if (!record.equals(decoded)) {
            throw new IllegalStateException("round trip changed the event: " + record + " -> " + decoded);
        }
    }

    /** One encode and one decode; the decoded record is returned, so JMH's Blackhole consumes it. */
    @Benchmark
    public WorkEvent roundTrip() {
        return deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, record));
    }

    @Benchmark
    public byte[] encode() {
        return serializer.serialize(TOPIC, record);
    }

    @Benchmark
    public WorkEvent decode() {
        return deserializer.deserialize(TOPIC, encoded);
    }

    static WorkEvent document() {
        return WorkEvent.newBuilder()
                .setEventId("3f6d2a1c-8b4e-4c2f-9a7d-5e1b0c9f4a26")
                .setSourceSystem("docs-m365")
                .setKind(EventKind.DOCUMENT)
                .setAction("edited")
                .setOccurredAt(Instant.parse("2026-04-06T00:12:34.567Z"))
                .setEmployee("E004211")
                .setOrgUnit("SHIMIN")
                .setObjectId("doc-2026-0004711")
                .setProcessCode("JUMINHYO")
                .setChannel(Channel.ELECTRONIC)
                .setLocation(Location.HOME)
                .setAttributes(attributes("app", "word", "site", "shimin-ka"))
                .build();
    }

    static WorkEvent meeting() {
        return WorkEvent.newBuilder()
                .setEventId("9c1e7b52-0d3a-4f68-b2e4-71a9c3d05f18")
                .setSourceSystem("zoom")
                .setKind(EventKind.MEETING)
                .setAction("held")
                .setOccurredAt(Instant.parse("2026-04-06T01:00:00Z"))
                .setEmployee("E004211")
                .setOrgUnit("SHIMIN")
                .setObjectId("mtg-88213456790")
                .setProcessCode("JUMINHYO")
                .setChannel(Channel.ONLINE)
                .setLocation(Location.HOME)
                .setDurationMs(1_800_000L)
                .setAttributes(attributes("participants", "5", "recurring", "true"))
                .build();
    }

    private static Map<String, String> attributes(String k1, String v1, String k2, String v2) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(k1, v1);
        attributes.put(k2, v2);
        return attributes;
    }
}
