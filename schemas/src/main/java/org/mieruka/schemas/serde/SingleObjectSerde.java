package org.mieruka.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for Avro's single-object encoding: the 2-byte marker {@code C3 01}, the 8-byte
 * CRC-64-AVRO fingerprint of the writer schema, then the binary body. The fingerprint lets a reader
 * resolve the writer schema without a registry; earlier released versions are registered with
 * {@link #withWriterSchema(Schema)} so that old records stay readable.
 */
public final class SingleObjectSerde<T extends SpecificRecord> implements Serde<T> {

    private final Schema schema;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private SingleObjectSerde(Schema schema) {
        this.schema = schema;
        SpecificData model = SpecificData.getForSchema(schema);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
    }

    /** A serde that writes and reads {@code schema} (the current version of a generated record). */
    public static <T extends SpecificRecord> SingleObjectSerde<T> of(Schema schema) {
        return new SingleObjectSerde<>(Objects.requireNonNull(schema, "schema"));
    }

    /** Also read records written with {@code writerSchema} (an earlier or later released version). */
    public SingleObjectSerde<T> withWriterSchema(Schema writerSchema) {
        decoder.addSchema(writerSchema);
        return this;
    }

    public Schema schema() {
        return schema;
    }

    public byte[] encode(T record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new EventEncodingException(schema.getFullName(), e);
        }
    }

    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return decoder.decode(bytes);
        } catch (MissingSchemaException e) {
            throw new EventDecodingException(schema.getFullName(), EventDecodingException.Problem.UNKNOWN_SCHEMA,
                    "no released schema has the writer's fingerprint", e);
        } catch (BadHeaderException e) {
            throw new EventDecodingException(schema.getFullName(), EventDecodingException.Problem.NOT_SINGLE_OBJECT,
                    "bytes do not start with the Avro single-object marker C3 01", e);
        } catch (IOException | RuntimeException e) {
            throw new EventDecodingException(schema.getFullName(), EventDecodingException.Problem.CORRUPT_BODY,
                    "body does not decode with the writer schema: " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> data == null ? null : encode(data);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> decode(data);
    }
}
