package org.mieruka.streams.workload;

/**
 * The timestamp of an output record: the input record's, but never below the task's stream time.
 * An update of a key is often caused by an input that is older than the one behind the key's
 * previous record (a late event, a report, a case's process changing); with the input's time the
 * key's timestamps would go backwards, which the tables built on these topics treat as
 * out-of-order updates. The stream time only grows, so a key's timestamps do too.
 */
public final class OutputTime {

    private OutputTime() {
    }

    public static long of(long inputTimestamp, long streamTime) {
        return Math.max(inputTimestamp, streamTime);
    }
}
