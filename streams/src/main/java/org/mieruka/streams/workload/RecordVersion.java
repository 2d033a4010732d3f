package org.mieruka.streams.workload;

/**
 * Versions of output records. The store keeps the highest version of each key, so every update
 * must carry a higher one than the last — also after the application is reset and reprocesses from
 * scratch with empty state (docs/streams.md), when a per-key counter would start again at 1 and
 * lose to the old records. A version is therefore at least the processing time in microseconds
 * (milliseconds × 1000) and always above the key's previous version: it grows with every update,
 * and a later run starts above anything an earlier run wrote unless a key was updated more than
 * 1000 times per millisecond on average.
 */
public final class RecordVersion {

    private RecordVersion() {
    }

    public static long floor(long wallClockMillis) {
        return wallClockMillis * 1000;
    }
}
