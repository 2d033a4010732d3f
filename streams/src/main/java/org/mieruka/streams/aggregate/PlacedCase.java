package org.mieruka.streams.aggregate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;

/** A closed case's cycle time and the §4 group of its last step's employee-day. */
record PlacedCase(String group, long cycleMs) {

    static Serde<PlacedCase> serde() {
        return org.apache.kafka.common.serialization.Serdes.serdeFrom(
                (topic, placed) -> {
                    if (placed == null) {
                        return null;
                    }
                    byte[] group = placed.group.getBytes(StandardCharsets.UTF_8);
                    return ByteBuffer.allocate(8 + group.length).putLong(placed.cycleMs).put(group).array();
                },
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    long cycle = buffer.getLong();
                    return new PlacedCase(new String(bytes, 8, bytes.length - 8, StandardCharsets.UTF_8), cycle);
                });
    }
}
