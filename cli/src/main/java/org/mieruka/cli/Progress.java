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
                    out.printf("\r%c %s… %ds ", FRAMES[frame++ % FRAMES.length], label,
                            (System.nanoTime() - started) / 1_000_000_000L);
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
        try {
            T result = work.call();
            finish(spinner, "✔", label, started, "");
            return result;
        } catch (Exception | Error e) {
            finish(spinner, "✘", label, started, " — failed");
            throw e;
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
