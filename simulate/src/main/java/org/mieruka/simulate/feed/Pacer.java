package org.mieruka.simulate.feed;

/**
 * Holds a sender to a rate in events per second (0: as fast as the sink takes them), measured
 * from the start so that short stalls are made up rather than lost.
 */
public final class Pacer {

    private final double perSecond;
    private final long started = System.nanoTime();
    private long sent;

    public Pacer(double perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("rate must not be negative");
        }
        this.perSecond = perSecond;
    }

    /** Waits until {@code events} more may go. */
    public void acquire(int events) throws InterruptedException {
        sent += events;
        if (perSecond == 0) {
            return;
        }
        long due = started + (long) (sent / perSecond * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    public double achievedPerSecond() {
        double seconds = (System.nanoTime() - started) / 1e9;
        return seconds == 0 ? 0 : sent / seconds;
    }
}
