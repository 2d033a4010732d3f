package org.mieruka.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.SchemaNormalization;
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
}
