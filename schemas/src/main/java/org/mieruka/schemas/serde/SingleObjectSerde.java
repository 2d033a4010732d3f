package org.mieruka.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
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

    /** Marker (2 bytes) and fingerprint (8 bytes). */
    private static final int HEADER_LENGTH = 10;

    private final Schema schema;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    /** Writer schemas by fingerprint, for the bounds check that runs before Avro decodes a body. */
    private final Map<Long, Schema> writers = new ConcurrentHashMap<>();

    private SingleObjectSerde(Schema schema) {
        this.schema = schema;
        SpecificData model = SpecificData.getForSchema(schema);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
        this.writers.put(SchemaNormalization.parsingFingerprint64(schema), schema);
    }

    /** A serde that writes and reads {@code schema} (the current version of a generated record). */
    public static <T extends SpecificRecord> SingleObjectSerde<T> of(Schema schema) {
        return new SingleObjectSerde<>(Objects.requireNonNull(schema, "schema"));
    }

    /** Also read records written with {@code writerSchema} (an earlier or later released version). */
    public SingleObjectSerde<T> withWriterSchema(Schema writerSchema) {
        decoder.addSchema(writerSchema);
        writers.putIfAbsent(SchemaNormalization.parsingFingerprint64(writerSchema), writerSchema);
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
            checkBounds(bytes);
            return decoder.decode(bytes);
        } catch (BodyBounds.OutOfBounds e) {
            throw new EventDecodingException(schema.getFullName(), EventDecodingException.Problem.CORRUPT_BODY,
                    "body does not fit the writer schema: " + e.getMessage(), e);
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

    private void checkBounds(byte[] bytes) {
        if (bytes.length < HEADER_LENGTH || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
            return; // the decoder reports what is wrong with the header
        }
        long fingerprint = 0;
        for (int i = HEADER_LENGTH - 1; i >= 2; i--) { // little-endian, per the Avro specification
            fingerprint = (fingerprint << 8) | (bytes[i] & 0xFF);
        }
        Schema writer = writers.get(fingerprint);
        if (writer != null) {
            BodyBounds.check(writer, bytes, HEADER_LENGTH);
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
