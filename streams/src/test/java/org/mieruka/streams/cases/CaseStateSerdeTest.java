package org.mieruka.streams.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.PseudonymousEvent;

class CaseStateSerdeTest {

    private final CaseStateSerde serde = new CaseStateSerde();

    private static PseudonymousEvent event(String id, String action, String instant, String process, String step) {
        Map<String, String> attributes = new HashMap<>();
        if (step != null) {
            attributes.put("step", step);
        }
        return PseudonymousEvent.newBuilder().setEventId(id).setSourceSystem("approval-sys")
                .setKind(EventKind.WORKFLOW).setAction(action).setOccurredAt(Instant.parse(instant))
                .setEmployeePseudonym("3f9a1c2b7d4e5f60718293a4b5c6d7e8").setPseudonymKey("k2026")
                .setObjectId("R-2026-0412").setProcessCode(process).setAttributes(attributes)
                .setReceivedAt(Instant.parse("2026-04-06T01:00:00Z")).build();
    }

    @Test
    void caseStateRoundTripsWithItsVersionProcessAndWholeEventsInOrder() {
        CaseState state = new CaseState(7, "RESIDENT-CERT", List.of(
                CaseEvent.of(event("ev-2", "step_completed", "2026-04-06T00:40:00Z", null, "RECEIVE")),
                CaseEvent.of(event("ev-1", "case_opened", "2026-04-06T00:00:00Z", "RESIDENT-CERT", null))));

        byte[] bytes = serde.serializer().serialize("t", state);
        CaseState read = serde.deserializer().deserialize("t", bytes);

        assertThat(bytes[0]).isEqualTo((byte) 1);
        assertThat(read.version()).isEqualTo(7);
        assertThat(read.process()).isEqualTo("RESIDENT-CERT");
        assertThat(read.events()).isEqualTo(state.events());
        assertThat(read.events()).extracting(CaseEvent::eventId).containsExactly("ev-1", "ev-2");
        assertThat(read.events().get(1).step()).isEqualTo("RECEIVE");
        assertThat(read.events().get(1).processCode()).isNull();
        assertThat(read.events().get(1).original().getReceivedAt()).isEqualTo(Instant.parse("2026-04-06T01:00:00Z"));
    }

    @Test
    void caseStateWithoutProcessAndWithAStringPast64KiBRoundTrips() {
        char[] long70k = new char[70 * 1024];
        Arrays.fill(long70k, '業');
        CaseState state = new CaseState(1, null, List.of(CaseEvent.of(
                event("ev-1", "step_completed", "2026-04-06T00:40:00Z", null, new String(long70k)))));

        CaseState read = serde.decode(serde.encode(state));

        assertThat(read.process()).isNull();
        assertThat(read.events().get(0).step()).hasSize(70 * 1024);
    }

    @Test
    void unknownFormatAndCorruptLengthsAreRefused() {
        byte[] bytes = serde.encode(new CaseState(1, "RESIDENT-CERT", List.of(
                CaseEvent.of(event("ev-1", "case_opened", "2026-04-06T00:00:00Z", "RESIDENT-CERT", null)))));

        byte[] otherFormat = bytes.clone();
        otherFormat[0] = 2;
        assertThatThrownBy(() -> serde.decode(otherFormat)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("format");
        byte[] hugeProcess = bytes.clone();
        hugeProcess[9] = 0x7f; // the process length's high byte
        assertThatThrownBy(() -> serde.decode(hugeProcess)).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.decode(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(SerializationException.class);
    }
}
