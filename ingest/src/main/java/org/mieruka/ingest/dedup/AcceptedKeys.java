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

    private long[] highs;
    private long[] lows;
    private boolean[] used;
    private int size;
    private final Set<EventKey> inFlight = new HashSet<>();

    public AcceptedKeys() {
        this(1 << 16);
    }

    AcceptedKeys(int capacity) {
        int slots = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
        highs = new long[slots];
        lows = new long[slots];
        used = new boolean[slots];
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
        int mask = highs.length - 1;
        for (int slot = index(key, mask); used[slot]; slot = (slot + 1) & mask) {
            if (highs[slot] == key.high() && lows[slot] == key.low()) {
                return true;
            }
        }
        return false;
    }

    private void add(EventKey key) {
        if (contains(key)) {
            return;
        }
        if (size + 1 > highs.length * MAX_LOAD) {
            grow();
        }
        insert(key.high(), key.low());
        size++;
    }

    private void insert(long high, long low) {
        int mask = highs.length - 1;
        int slot = index(new EventKey(high, low), mask);
        while (used[slot]) {
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        highs[slot] = high;
        lows[slot] = low;
    }

    private void grow() {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        boolean[] oldUsed = used;
        highs = new long[oldHighs.length * 2];
        lows = new long[oldLows.length * 2];
        used = new boolean[oldUsed.length * 2];
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                insert(oldHighs[i], oldLows[i]);
            }
        }
    }

    private static int index(EventKey key, int mask) {
        return (int) (key.low() ^ (key.low() >>> 32)) & mask; // SHA-256 bits are already uniform
    }
}
