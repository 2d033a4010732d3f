package org.mieruka.ingest.dedup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every idempotency key already written to the raw topic, so that a retried batch or a re-imported
 * file is not written twice. A key is claimed before its batch is written and committed only when
 * Kafka took the batch; a failed batch releases its claims, so a retry is not mistaken for a
 * duplicate. Keys are kept in an open-addressing table of two longs each (16 bytes a key), which
 * holds the 90 days of the raw topic in memory.
 */
public final class AcceptedKeys {

    private static final double MAX_LOAD = 0.6;

    /** Slot i holds a key's two halves at 2i and 2i+1, so a probe touches one cache line; (0, 0) is empty. */
    private long[] table;
    private int size;
    private final Set<EventKey> inFlight = new HashSet<>();

    public AcceptedKeys() {
        this(1 << 16);
    }

    AcceptedKeys(int capacity) {
        int slots = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
        table = new long[slots * 2];
    }

    /**
     * Claims each key not yet written nor being written; the result says, per key, whether it is
     * new (true) or a duplicate (false). A key repeated inside the list is new only the first time.
     */
    public synchronized List<Boolean> claim(List<EventKey> keys) {
        List<Boolean> fresh = new ArrayList<>(keys.size());
        for (EventKey key : keys) {
            fresh.add(!contains(key) && inFlight.add(key));
        }
        return fresh;
    }

    /** The claimed keys were written: from now on they are duplicates for good. */
    public synchronized void commit(List<EventKey> keys) {
        for (EventKey key : keys) {
            if (inFlight.remove(key)) {
                add(key);
            }
        }
    }

    /** The claimed keys were not written: a retry may claim them again. */
    public synchronized void release(List<EventKey> keys) {
        keys.forEach(inFlight::remove);
    }

    /** A key read back from the raw topic (written by this or another instance, or before a restart). */
    public synchronized void learn(EventKey key) {
        add(key);
    }

    public synchronized int size() {
        return size;
    }

    public synchronized boolean contains(EventKey key) {
        long high = high(key);
        long low = key.low();
        int mask = table.length / 2 - 1;
        for (int slot = index(low, mask); ; slot = (slot + 1) & mask) {
            long h = table[2 * slot];
            long l = table[2 * slot + 1];
            if (h == 0 && l == 0) {
                return false;
            }
            if (h == high && l == low) {
                return true;
            }
        }
    }

    private void add(EventKey key) {
        if (contains(key)) {
            return;
        }
        if (size + 1 > table.length / 2 * MAX_LOAD) {
            grow();
        }
        insert(high(key), key.low());
        size++;
    }

    private void insert(long high, long low) {
        int mask = table.length / 2 - 1;
        int slot = index(low, mask);
        while (table[2 * slot] != 0 || table[2 * slot + 1] != 0) {
            slot = (slot + 1) & mask;
        }
        table[2 * slot] = high;
        table[2 * slot + 1] = low;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                insert(old[i], old[i + 1]);
            }
        }
    }

    /** The one key whose halves are both zero is stored with its high half 1 (a 2^-128 chance event). */
    private static long high(EventKey key) {
        return key.high() == 0 && key.low() == 0 ? 1 : key.high();
    }

    private static int index(long low, int mask) {
        return (int) (low ^ (low >>> 32)) & mask; // SHA-256 bits are already uniform
    }
}
