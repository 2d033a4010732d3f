package org.mieruka.streams.aggregate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.mieruka.streams.workload.RecordVersion;

/**
 * Running totals of one group, kept in a state store in a compact binary form (a format byte,
 * then the fields). Each change raises the version as the other outputs do ({@link RecordVersion}),
 * from the wall clock because aggregators see no processor context.
 */
abstract class Accumulator {

    private static final byte FORMAT = 1;

    long version;

    void touch() {
        version = Math.max(version + 1, RecordVersion.floor(System.currentTimeMillis()));
    }

    abstract void writeFields(DataOutputStream out) throws IOException;

    abstract void readFields(DataInputStream in) throws IOException;

    static <A extends Accumulator> Serde<A> serde(Supplier<A> empty) {
        Serializer<A> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(FORMAT);
                out.writeLong(value.version);
                value.writeFields(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        };
        Deserializer<A> deserializer = (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte format = in.readByte();
                if (format != FORMAT) {
                    throw new IllegalStateException("group totals of unknown format " + format);
                }
                A value = empty.get();
                value.version = in.readLong();
                value.readFields(in);
                return value;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return org.apache.kafka.common.serialization.Serdes.serdeFrom(serializer, deserializer);
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    static void writeDate(DataOutputStream out, java.time.LocalDate date) throws IOException {
        out.writeLong(date == null ? Long.MIN_VALUE : date.toEpochDay());
    }

    static java.time.LocalDate readDate(DataInputStream in) throws IOException {
        long day = in.readLong();
        return day == Long.MIN_VALUE ? null : java.time.LocalDate.ofEpochDay(day);
    }

    static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
