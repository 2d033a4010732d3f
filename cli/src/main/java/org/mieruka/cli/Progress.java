package org.mieruka.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * Shows that a step is under way: a spinner with elapsed seconds on a terminal, plain lines
 * otherwise (CI logs), then "done" or "failed" with the time it took.
 */
public final class Progress {

    private static final char[] FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏".toCharArray();
    private final PrintStream out;
    private final boolean terminal;
    /** What the running step last said about itself (counts, rates); shown beside the spinner. */
    private volatile String detail = "";
    private long lastPlainNote;

    public Progress(PrintStream out) {
        this.out = out;
        this.terminal = System.console() != null && !"true".equalsIgnoreCase(System.getenv("CI"));
    }

    public <T> T step(String label, Callable<T> work) throws Exception {
        long started = System.nanoTime();
        Thread spinner = null;
        if (terminal) {
            spinner = new Thread(() -> {
                int frame = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    out.printf("\r%c %s… %ds %s\033[K", FRAMES[frame++ % FRAMES.length], label,
                            (System.nanoTime() - started) / 1_000_000_000L, detail);
                    out.flush();
                    try {
                        Thread.sleep(120);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "progress");
            spinner.setDaemon(true);
            spinner.start();
        } else {
            out.println("… " + label);
        }
        detail = "";
        lastPlainNote = System.nanoTime();
        try {
            T result = work.call();
            finish(spinner, "✔", label, started, "");
            return result;
        } catch (Exception | Error e) {
            finish(spinner, "✘", label, started, " — failed");
            throw e;
        }
    }

    /**
     * Tells how the running step is doing, e.g. "12,000 / 80,000 events, 4,100 events/s": beside the
     * spinner on a terminal, as a line at most every five seconds otherwise.
     */
    public void note(String text) {
        detail = text;
        if (!terminal && System.nanoTime() - lastPlainNote > 5_000_000_000L) {
            lastPlainNote = System.nanoTime();
            out.println("  " + text);
        }
    }

    public void run(String label, Step work) throws Exception {
        step(label, () -> {
            work.run();
            return null;
        });
    }

    /** A step without a result. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private void finish(Thread spinner, String mark, String label, long started, String suffix)
            throws InterruptedException {
        if (spinner != null) {
            spinner.interrupt();
            spinner.join();
            out.print("\r\033[2K");
        }
        out.printf("%s %s (%.1f s)%s%n", mark, label, (System.nanoTime() - started) / 1e9, suffix);
        out.flush();
    }
}
