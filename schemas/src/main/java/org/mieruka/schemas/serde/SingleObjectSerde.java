package org.mieruka.schemas.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for Avro's single-object encoding: the 2-byte marker {@code C3 01}, the 8-byte
 * CRC-64-AVRO fingerprint of the writer schema, then the binary body. The fingerprint lets a reader
 * resolve the writer schema without a registry; earlier released versions are registered with
 * {@link #withWriterSchema(Schema)} so that old records stay readable. Corrupt input cannot make
 * Avro allocate much: its limits are lowered ({@link AvroLimits}), or, where they could not be,
 * {@link BodyBounds} checks a body's lengths against its bytes first.
 *
 * <p>The framing is done here rather than with Avro's {@code BinaryMessageEncoder/Decoder}: those go
 * through {@code ByteArrayOutputStream}/{@code ByteArrayInputStream} (synchronized, one call per byte
 * with the direct coders) and copy the output twice; the round trip missed the 1,000,000/s target
 * (docs/benchmarks.md). The bytes are the same. Thread safe: Kafka producers and stream threads call
 * one serde concurrently; per-thread scratch lives in a {@link ThreadLocal}, and the datum readers and
 * writers are shared as Avro's own message coders share them.
 */
public final class SingleObjectSerde<T extends SpecificRecord> implements Serde<T> {

    private static final int HEADER_LENGTH = 10; // marker (2) + fingerprint (8)
    /** Read when the first serde is made, before Avro reads its limits at the first decode. */
    private static final boolean AVRO_LIMITED = AvroLimits.EFFECTIVE;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    /** Per-thread scratch: the output buffer and the coders are reused, never shared between threads. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final Schema schema;
    private final SpecificData model;
    private final byte[] header;
    private final long fingerprint;
    private final DatumWriter<T> writer;
    /** The reader of the current schema, checked first: no map lookup (nor boxing) for most records. */
    private final DatumReader<T> reader;
    private final BodyBounds bounds;
    /** Readers of other registered writer schemas, by fingerprint. */
    private final Map<Long, Reading<T>> readingsByFingerprint = new ConcurrentHashMap<>();

    /** A registered writer schema and the reader that resolves it to the current schema. */
    private record Reading<T>(BodyBounds bounds, DatumReader<T> reader) {
    }

    @SuppressWarnings("unchecked")
    private SingleObjectSerde(Schema schema) {
        this.schema = schema;
        // The generated class's MODEL$ (with its logical-type conversions); Avro 1.12's fast reader is on by default.
        this.model = SpecificData.getForSchema(schema);
        this.fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        this.header = new byte[HEADER_LENGTH];
        header[0] = MARKER_0;
        header[1] = MARKER_1;
        for (int i = 0; i < 8; i++) { // little-endian, per the Avro specification
            header[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        this.writer = (DatumWriter<T>) model.createDatumWriter(schema);
        this.reader = (DatumReader<T>) model.createDatumReader(schema, schema);
        this.bounds = BodyBounds.of(schema);
    }

    /** A serde that writes and reads {@code schema} (the current version of a generated record). */
    public static <T extends SpecificRecord> SingleObjectSerde<T> of(Schema schema) {
        return new SingleObjectSerde<>(Objects.requireNonNull(schema, "schema"));
    }

    /** Also read records written with {@code writerSchema} (an earlier or later released version). */
    @SuppressWarnings("unchecked")
    public SingleObjectSerde<T> withWriterSchema(Schema writerSchema) {
        long writerFingerprint = SchemaNormalization.parsingFingerprint64(writerSchema);
        if (writerFingerprint != fingerprint) {
            readingsByFingerprint.put(writerFingerprint,
                    new Reading<>(BodyBounds.of(writerSchema),
                            (DatumReader<T>) model.createDatumReader(writerSchema, schema)));
        }
        return this;
    }

    public Schema schema() {
        return schema;
    }

    public byte[] encode(T record) {
        Scratch scratch = SCRATCH.get();
        try {
            Buffer out = scratch.out;
            out.reset();
            out.write(header, 0, HEADER_LENGTH);
            BinaryEncoder encoder = scratch.encoder();
            writer.write(record, encoder);
            encoder.flush();
            return out.toByteArray(); // the one copy: Kafka keeps the array
        } catch (IOException | RuntimeException e) {
            scratch.encoder = null; // may hold part of the failed record
            throw new EventEncodingException(schema.getFullName(), e);
        }
    }

    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length < HEADER_LENGTH || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new EventDecodingException(schema.getFullName(), EventDecodingException.Problem.NOT_SINGLE_OBJECT,
                    "bytes do not start with the Avro single-object marker C3 01 and an 8-byte fingerprint", null);
        }
        long writerFingerprint = 0;
        for (int i = 9; i >= 2; i--) {
            writerFingerprint = (writerFingerprint << 8) | (bytes[i] & 0xFF);
        }
        BodyBounds writerBounds = bounds;
        DatumReader<T> datumReader = reader;
        if (writerFingerprint != fingerprint) {
            Reading<T> reading = readingsByFingerprint.get(writerFingerprint);
            if (reading == null) {
                throw new EventDecodingException(schema.getFullName(), EventDecodingException.Problem.UNKNOWN_SCHEMA,
                        "no released schema has the writer's fingerprint " + Long.toHexString(writerFingerprint), null);
            }
            writerBounds = reading.bounds();
            datumReader = reading.reader();
        }
        Scratch scratch = SCRATCH.get();
        try {
            if (!AVRO_LIMITED) {
                writerBounds.check(bytes, HEADER_LENGTH);
            }
            // Reads the array in place (Avro's message decoder reads a stream byte by byte).
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, scratch.decoder);
            scratch.decoder = decoder;
            return datumReader.read(null, decoder);
        } catch (BodyBounds.OutOfBounds e) {
            throw new EventDecodingException(schema.getFullName(), EventDecodingException.Problem.CORRUPT_BODY,
                    "body does not fit the writer schema: " + e.getMessage(), e);
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

    private static final class Scratch {
        final Buffer out = new Buffer();
        BinaryEncoder encoder;
        BinaryDecoder decoder;

        /** A buffered encoder bound to {@link #out}: writes go to its array, one copy into out on flush. */
        BinaryEncoder encoder() {
            if (encoder == null) {
                encoder = EncoderFactory.get().binaryEncoder(out, null);
            }
            return encoder;
        }
    }

    /** A growable byte array without ByteArrayOutputStream's locking (it is only used by its own thread). */
    private static final class Buffer extends OutputStream {
        private static final int INITIAL = 256;
        private static final int RETAINED_MAX = 64 * 1024;
        private byte[] bytes = new byte[INITIAL];
        private int count;

        void reset() {
            count = 0;
            if (bytes.length > RETAINED_MAX) { // one huge record should not pin its buffer to the thread
                bytes = new byte[INITIAL];
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, count);
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }

        private void ensure(int more) {
            if (count + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
            }
        }
    }
}
