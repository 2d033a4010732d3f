package org.mieruka.streams.workload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.mieruka.schemas.reference.PseudonymousDirectoryEntry;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.serde.SingleObjectSerde;

/** The stored form of an {@link EmployeeDirectory}: its rows as released Avro single-object records. */
final class EmployeeDirectorySerde implements Serde<EmployeeDirectory> {

    private final SingleObjectSerde<PseudonymousDirectoryEntry> rows = Serdes.pseudonymousDirectoryEntry();

    @Override
    public Serializer<EmployeeDirectory> serializer() {
        return (topic, directory) -> {
            if (directory == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(directory.rows.size());
                for (PseudonymousDirectoryEntry row : directory.rows) {
                    byte[] encoded = rows.encode(row);
                    out.writeInt(encoded.length);
                    out.write(encoded);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        };
    }

    @Override
    public Deserializer<EmployeeDirectory> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                int count = in.readInt();
                List<PseudonymousDirectoryEntry> list = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    list.add(rows.decode(in.readNBytes(in.readInt())));
                }
                return new EmployeeDirectory(list);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
