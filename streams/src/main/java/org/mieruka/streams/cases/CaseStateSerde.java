package org.mieruka.streams.cases;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.mieruka.schemas.event.PseudonymousEvent;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.serde.SingleObjectSerde;

/**
 * The case store's binary form: format byte (1), version (long), process (string, length −1 for
 * null), event count (int), then each event as its Avro single-object bytes (int length + bytes).
 * Only the originals are written: the other fields of a {@link CaseEvent} are read back from them,
 * so they can never disagree. The Avro framing carries the writer schema's fingerprint, so events
 * stored under an older released schema stay readable. Strings are length + UTF-8, not writeUTF,
 * which refuses strings past 64 KiB.
 */
public final class CaseStateSerde implements Serde<CaseState> {

    static final byte FORMAT = 1;

    /** Costly to make (schema resolution for every released version): one per serde. */
    private final SingleObjectSerde<PseudonymousEvent> events = Serdes.pseudonymousEvent();

    public byte[] encode(CaseState state) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 256 * state.events().size());
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(FORMAT);
            out.writeLong(state.version());
            writeString(out, state.process());
            out.writeInt(state.events().size());
            for (CaseEvent event : state.events()) {
                byte[] avro = events.encode(event.original());
                out.writeInt(avro.length);
                out.write(avro);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new SerializationException("cannot write a case state", e);
        }
    }

    public CaseState decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new SerializationException("unknown case state format " + format);
            }
            long version = in.readLong();
            String process = readString(in);
            int count = in.readInt();
            if (count < 0 || count > bytes.length) { // every event takes bytes: a bigger count is corrupt
                throw new SerializationException("corrupt case state: " + count + " events");
            }
            List<CaseEvent> read = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                read.add(CaseEvent.of(events.decode(readBytes(in))));
            }
            return new CaseState(version, process, read);
        } catch (IOException e) {
            throw new SerializationException("corrupt case state", e);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        return new String(readBytes(length, in), StandardCharsets.UTF_8);
    }

    /** An int length and that many bytes; the bytes are all in memory, so available() is exact. */
    private static byte[] readBytes(DataInputStream in) throws IOException {
        return readBytes(in.readInt(), in);
    }

    private static byte[] readBytes(int length, DataInputStream in) throws IOException {
        if (length < 0 || length > in.available()) { // a corrupt length must not allocate gigabytes
            throw new SerializationException("corrupt case state: length " + length);
        }
        byte[] value = new byte[length];
        in.readFully(value);
        return value;
    }

    @Override
    public Serializer<CaseState> serializer() {
        return (topic, state) -> state == null ? null : encode(state);
    }

    @Override
    public Deserializer<CaseState> deserializer() {
        return (topic, bytes) -> decode(bytes);
    }
}
