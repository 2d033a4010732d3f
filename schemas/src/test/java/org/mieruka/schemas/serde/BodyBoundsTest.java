package org.mieruka.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.event.WorkEvent;

/**
 * The bounds walk the serdes fall back on when Avro's own limits could not be lowered. In this
 * JVM the limits are lowered, so it is tested on its own here.
 */
class BodyBoundsTest {

    private static final BodyBounds WORK_EVENT = BodyBounds.of(WorkEvent.getClassSchema());

    private static byte[] valid() {
        return Serdes.workEvent().encode(Samples.meeting());
    }

    @Test
    void avroLimitsAreLoweredInThisJvm() {
        Serdes.workEvent(); // the first serde installs them
        assertThat(AvroLimits.EFFECTIVE).isTrue();
        assertThatThrownBy(() -> org.apache.avro.SystemLimitException.checkMaxStringLength(AvroLimits.MAX_STRING_BYTES + 1L))
                .isInstanceOf(org.apache.avro.SystemLimitException.class);
    }

    @Test
    void shouldPassEveryValidRecord() {
        for (Object record : Samples.everyRecord()) {
            if (record instanceof WorkEvent event) {
                assertThatCode(() -> WORK_EVENT.check(Serdes.workEvent().encode(event), 10)).doesNotThrowAnyException();
            }
        }
        Schema directory = org.mieruka.schemas.reference.ProcessDefinition.getClassSchema();
        for (Object record : Samples.everyRecord()) {
            if (record instanceof org.mieruka.schemas.reference.ProcessDefinition process) {
                assertThatCode(() -> BodyBounds.of(directory).check(Serdes.processDefinition().encode(process), 10))
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void shouldRefuseAStringLongerThanTheBytesLeft() {
        byte[] bytes = valid();
        // event_id's length is the first varint of the body: claim 2^30 bytes (zig-zag, five bytes).
        byte[] forged = new byte[bytes.length + 4];
        System.arraycopy(bytes, 0, forged, 0, 10);
        byte[] huge = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08};
        System.arraycopy(huge, 0, forged, 10, huge.length);
        System.arraycopy(bytes, 11, forged, 15, bytes.length - 11);

        assertThatThrownBy(() -> WORK_EVENT.check(forged, 10)).isInstanceOf(BodyBounds.OutOfBounds.class)
                .hasMessageStartingWith("length 1073741824 with");
    }

    @Test
    void shouldRefuseEveryTruncation() {
        byte[] bytes = valid();
        for (int length = 10; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> WORK_EVENT.check(truncated, 10)).as("truncated to " + length)
                    .isInstanceOf(BodyBounds.OutOfBounds.class);
        }
    }

    @Test
    void randomBodiesEndInAPassOrTheOneErrorAndNeverClaimMoreThanTheirBytes() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            byte[] input = new byte[10 + random.nextInt(0, 200)];
            random.nextBytes(input);
            try {
                WORK_EVENT.check(input, 10);
            } catch (BodyBounds.OutOfBounds expected) {
                // the only failure allowed
            }
        }
    }
}
