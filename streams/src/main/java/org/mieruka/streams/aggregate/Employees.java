package org.mieruka.streams.aggregate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A multiset of pseudonyms: how many records of a group each employee contributes, so that a
 * record leaving the group removes its employee only when it was their last. Its size is the
 * group's distinct employees (the privacy floor's count).
 */
final class Employees {

    private final Map<String, Integer> counts;

    Employees() {
        this(new HashMap<>());
    }

    private Employees(Map<String, Integer> counts) {
        this.counts = counts;
    }

    void add(String pseudonym) {
        counts.merge(pseudonym, 1, Integer::sum);
    }

    void remove(String pseudonym) {
        counts.computeIfPresent(pseudonym, (p, n) -> n <= 1 ? null : n - 1);
    }

    int size() {
        return counts.size();
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(counts.size());
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            byte[] bytes = e.getKey().getBytes(StandardCharsets.UTF_8);
            out.writeShort(bytes.length);
            out.write(bytes);
            out.writeInt(e.getValue());
        }
    }

    static Employees read(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, Integer> counts = new HashMap<>(Math.max(4, size * 2));
        for (int i = 0; i < size; i++) {
            byte[] bytes = in.readNBytes(in.readUnsignedShort());
            counts.put(new String(bytes, StandardCharsets.UTF_8), in.readInt());
        }
        return new Employees(counts);
    }
}
