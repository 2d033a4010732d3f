package org.mieruka.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.WorkEvent;

class SingleObjectSerdeTest {

    private static WorkEvent event() {
        return WorkEvent.newBuilder().setEventId("e1").setSourceSystem("docs-m365").setKind(EventKind.DOCUMENT)
                .setAction("edited").setOccurredAt(Instant.parse("2026-04-06T00:12:00Z")).setEmployee("E0001")
                .setObjectId("doc-1").setAttributes(Map.of()).build();
    }

    @Test
    void shouldWriteMarkerAndFingerprintThenRoundTrip() {
        SingleObjectSerde<WorkEvent> serde = Serdes.workEvent();
        byte[] bytes = serde.encode(event());

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        long fingerprint = SchemaNormalization.parsingFingerprint64(WorkEvent.getClassSchema());
        long written = 0;
        for (int i = 9; i >= 2; i--) { // little-endian, per the Avro specification
            written = (written << 8) | (bytes[i] & 0xFF);
        }
        assertThat(written).isEqualTo(fingerprint);
        assertThat(serde.decode(bytes)).isEqualTo(event());
    }

    @Test
    void shouldFailWithATypedErrorOnAnUnknownFingerprint() {
        byte[] bytes = Serdes.workEvent().encode(event());
        bytes[5] ^= 0x55;

        assertThatThrownBy(() -> Serdes.workEvent().decode(bytes))
                .isInstanceOfSatisfying(EventDecodingException.class,
                        e -> assertThat(e.problem()).isEqualTo(EventDecodingException.Problem.UNKNOWN_SCHEMA));
    }

    @Test
    void shouldFailWithATypedErrorOnBytesThatAreNotSingleObject() {
        assertThatThrownBy(() -> Serdes.workEvent().decode("{\"json\":true}".getBytes()))
                .isInstanceOfSatisfying(EventDecodingException.class,
                        e -> assertThat(e.problem()).isEqualTo(EventDecodingException.Problem.NOT_SINGLE_OBJECT));
    }

    @Test
    void shouldFailWithATypedErrorOnATruncatedBody() {
        byte[] bytes = Serdes.workEvent().encode(event());
        byte[] truncated = Arrays.copyOf(bytes, 14);

        assertThatThrownBy(() -> Serdes.workEvent().decode(truncated))
                .isInstanceOfSatisfying(EventDecodingException.class,
                        e -> assertThat(e.problem()).isEqualTo(EventDecodingException.Problem.CORRUPT_BODY));
    }

    private static WorkEvent event(int i) {
        return WorkEvent.newBuilder(event()).setEventId("e" + i).setOrgUnit("unit-" + (i % 7))
                .setDurationMs(i % 3 == 0 ? null : (long) i).setAttributes(Map.of("n", Integer.toString(i))).build();
    }

    @Test
    void shouldWriteTheSameBytesAsAvrosMessageEncoderAndReadItsBytes() throws Exception {
        // Records written before the serde framed the bytes itself stay readable, and the reverse.
        SpecificData model = SpecificData.getForSchema(WorkEvent.getClassSchema());
        byte[] avro = new BinaryMessageEncoder<WorkEvent>(model, WorkEvent.getClassSchema()).encode(event(1)).array();
        byte[] ours = Serdes.workEvent().encode(event(1));

        assertThat(ours).isEqualTo(avro);
        assertThat(Serdes.workEvent().decode(avro)).isEqualTo(event(1));
        assertThat(new BinaryMessageDecoder<WorkEvent>(model, WorkEvent.getClassSchema()).decode(ours))
                .isEqualTo(event(1));
    }

    @Test
    void shouldEncodeCorrectlyAfterAFailedEncode() {
        SingleObjectSerde<WorkEvent> serde = Serdes.workEvent();
        WorkEvent invalid = new WorkEvent(); // required fields null: the writer fails part-way
        invalid.setEventId("e-bad");
        invalid.setSourceSystem("docs-m365");

        assertThatThrownBy(() -> serde.encode(invalid)).isInstanceOf(EventEncodingException.class);
        byte[] bytes = serde.serializer().serialize("t", event(2));

        assertThat(bytes).isEqualTo(Serdes.workEvent().encode(event(2)));
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(event(2));
    }

    @Test
    void shouldBeUsableFromSeveralThreadsAtOnce() throws Exception {
        SingleObjectSerde<WorkEvent> serde = Serdes.workEvent();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 10_000;
                tasks.add(pool.submit(() -> {
                    for (int i = offset; i < offset + 10_000; i++) {
                        WorkEvent written = event(i);
                        assertThat(serde.decode(serde.encode(written))).isEqualTo(written);
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
