package org.mieruka.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.serde.EventDecodingException;
import org.mieruka.schemas.serde.Samples;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.serde.SingleObjectSerde;

/** The real evolution step of the history: WorkEvent v1 → v2 added the optional {@code received_at}. */
class WorkEventEvolutionTest {

    private static final List<ReleasedSchema> HISTORY = SchemaHistory.of(WorkEvent.getClassSchema());
    private static final Schema V1 = HISTORY.get(0).schema();
    private static final Schema V2 = HISTORY.get(1).schema();

    @Test
    void shouldKeepTheV1ToV2StepInTheHistory() {
        assertThat(HISTORY).extracting(ReleasedSchema::version).startsWith(1, 2);
        assertThat(V1.getField("received_at")).isNull();
        assertThat(V2.getField("received_at")).isNotNull();
        assertThat(HISTORY.get(0).fingerprint()).isNotEqualTo(HISTORY.get(1).fingerprint());
    }

    @Test
    void shouldLetTheCurrentReaderReadWhatAV1ProducerWrote() throws IOException {
        WorkEvent event = Samples.meeting();
        GenericRecord written = new GenericData.Record(V1);
        for (Schema.Field field : V1.getFields()) {
            written.put(field.name(), GenericData.get().deepCopy(field.schema(), generic(event, field)));
        }
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), V1).encode(written);

        WorkEvent read = Serdes.workEvent().decode(toArray(bytes));

        assertThat(read.getReceivedAt()).isNull();
        event.setReceivedAt(null);
        assertThat(read).isEqualTo(event);
    }

    @Test
    void shouldLetAV1ReaderReadWhatTheCurrentProducerWritesOnceItKnowsTheRelease() throws IOException {
        WorkEvent event = Samples.meeting();
        byte[] bytes = Serdes.workEvent().encode(event);
        BinaryMessageDecoder<GenericRecord> v1Reader = new BinaryMessageDecoder<>(GenericData.get(), V1);
        v1Reader.addSchema(V2);

        GenericRecord read = v1Reader.decode(bytes);

        assertThat(read.getSchema().getField("received_at")).isNull();
        assertThat(read.get("event_id").toString()).isEqualTo(event.getEventId());
        assertThat(read.get("occurred_at")).isEqualTo(event.getOccurredAt().toEpochMilli());
        assertThat(read.get("duration_ms")).isEqualTo(event.getDurationMs());
        assertThat(read.get("kind").toString()).isEqualTo("MEETING");
    }

    @Test
    void shouldRefuseANewerVersionWithATypedErrorUntilTheReaderIsGivenItsRelease() {
        // A consumer released with v1 only cannot know v2's fingerprint: a typed error, never a wrong record.
        SingleObjectSerde<WorkEvent> releasedWithV1 = SingleObjectSerde.of(V1);
        WorkEvent event = Samples.meeting();
        byte[] v2Bytes = Serdes.workEvent().encode(event);

        assertThatThrownBy(() -> releasedWithV1.decode(v2Bytes))
                .isInstanceOfSatisfying(EventDecodingException.class,
                        e -> assertThat(e.problem()).isEqualTo(EventDecodingException.Problem.UNKNOWN_SCHEMA));

        WorkEvent read = releasedWithV1.withWriterSchema(V2).decode(v2Bytes);
        assertThat(read.getEventId()).isEqualTo(event.getEventId());
        assertThat(read.getDurationMs()).isEqualTo(event.getDurationMs());
        assertThat(read.getReceivedAt()).as("not in the v1 reader's schema").isNull();
    }

    private static Object generic(WorkEvent event, Schema.Field field) {
        Object value = event.get(WorkEvent.getClassSchema().getField(field.name()).pos());
        if (value instanceof java.time.Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof Enum<?> symbol) {
            Schema enumSchema = field.schema().getType() == Schema.Type.UNION
                    ? field.schema().getTypes().get(1) : field.schema();
            return new GenericData.EnumSymbol(enumSchema, symbol.name());
        }
        return value;
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
