package org.mieruka.cli.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A service of the local stack running as its own process, in its own session (setsid) so that
 * Ctrl-C in the terminal that started it does not stop it. It is found again by a marker in its
 * command line (the path of its project-owned configuration), so no pid file can go stale.
 */
final class LocalProcess {

    private final String name;
    private final String marker;

    LocalProcess(String name, String marker) {
        this.name = name;
        this.marker = marker;
    }

    Optional<ProcessHandle> find() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(cmd -> cmd.contains(marker)).orElse(false))
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .findFirst();
    }

    ProcessHandle launch(List<String> command, Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(withSetsid(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return builder.start().toHandle();
    }

    /** Runs a command to completion (e.g. formatting storage); output goes to the log. */
    int runToEnd(List<String> command, Path logFile, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(logFile.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new StackException(name + ": " + String.join(" ", command.subList(0, Math.min(3, command.size())))
                    + " did not finish in " + timeout.toSeconds() + " s; see " + logFile);
        }
        return process.exitValue();
    }

    /** Stops it: SIGTERM, then SIGKILL after {@code grace}. True if something was stopped. */
    boolean stop(Duration grace) throws InterruptedException {
        Optional<ProcessHandle> running = find();
        if (running.isEmpty()) {
            return false;
        }
        ProcessHandle handle = running.get();
        handle.destroy();
        long deadline = System.nanoTime() + grace.toNanos();
        while (handle.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (handle.isAlive()) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
            while (handle.isAlive()) {
                Thread.sleep(50);
            }
        }
        return true;
    }

    private static List<String> withSetsid(List<String> command) {
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            java.util.ArrayList<String> full = new java.util.ArrayList<>();
            full.add("/usr/bin/setsid");
            full.addAll(command);
            return full;
        }
        return command;
    }
}
