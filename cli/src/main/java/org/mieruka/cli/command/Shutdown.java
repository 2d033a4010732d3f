package org.mieruka.cli.command;

import java.util.concurrent.CountDownLatch;

/** Blocks a service command until SIGTERM or Ctrl-C, then lets it close what it opened. */
final class Shutdown {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    Shutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requested.countDown();
            try {
                finished.await(); // the JVM exits only once the command has closed its resources
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown"));
    }

    void await() throws InterruptedException {
        requested.await();
    }

    /** Called by the command when everything is closed. */
    void done() {
        finished.countDown();
    }
}
