package org.mieruka.streams.aggregate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The cycle times of the closed cases placed in one §4 group, kept sorted for the median. */
final class PlacedCycles extends Accumulator {

    final List<Long> cycles = new ArrayList<>();

    PlacedCycles add(long cycle) {
        int at = Collections.binarySearch(cycles, cycle);
        cycles.add(at >= 0 ? at : -at - 1, cycle);
        touch();
        return this;
    }

    PlacedCycles remove(long cycle) {
        int at = Collections.binarySearch(cycles, cycle);
        if (at >= 0) {
            cycles.remove(at);
        }
        touch();
        return this;
    }

    /** Nearest rank: the value at 1-based position ⌈n/2⌉, the lower middle for an even count. */
    Long median() {
        if (cycles.isEmpty()) {
            return null;
        }
        return cycles.get((int) Math.ceil(0.5 * cycles.size()) - 1);
    }

    @Override
    void writeFields(DataOutputStream out) throws IOException {
        out.writeInt(cycles.size());
        for (long cycle : cycles) {
            out.writeLong(cycle);
        }
    }

    @Override
    void readFields(DataInputStream in) throws IOException {
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            cycles.add(in.readLong());
        }
    }
}
