package org.mieruka.ingest.source;

/**
 * A source's request budget: a token bucket holding at most one second of its requests-per-second
 * limit, refilled continuously, so short bursts pass and a sustained excess gets 429.
 */
public final class RequestRate {

    private final double perSecond;
    private double available;
    private long refilledAt = System.nanoTime();

    public RequestRate(int perSecond) {
        this.perSecond = perSecond;
        this.available = perSecond;
    }

    /** True when one more request may go now. */
    public synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        available = Math.min(perSecond, available + (now - refilledAt) / 1e9 * perSecond);
        refilledAt = now;
        if (available >= 1) {
            available -= 1;
            return true;
        }
        return false;
    }
}
