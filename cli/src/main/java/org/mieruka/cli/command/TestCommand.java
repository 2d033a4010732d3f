package org.mieruka.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mieruka.cli.Progress;
import org.mieruka.cli.ProjectRoot;
import org.mieruka.cli.stack.LocalClickHouse;
import org.mieruka.cli.stack.StackConfig;
import org.mieruka.cli.stack.StackException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./mieruka test}: starts what the tests need (the local ClickHouse unless MIERUKA_CLICKHOUSE_URL
 * names one; Kafka runs inside the test JVM), installs the tools some tests check with, and runs the
 * whole suite with {@code mvn -B verify}. Extra arguments go to Maven.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Start what the tests need and run the whole suite (mvn -B verify). Extra arguments go to Maven.")
public final class TestCommand implements Callable<Integer> {

    @Unmatched
    List<String> mavenArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path root = ProjectRoot.get();
        if (!ProjectRoot.isCheckout(root)) {
            throw new StackException("./mieruka test runs from a source checkout; " + root + " is not one");
        }
        Progress progress = new Progress(System.out);
        StackConfig stack = StackCommand.config();
        LocalClickHouse clickHouse = new LocalClickHouse(stack);
        boolean startedHere = !clickHouse.external() && clickHouse.running().isEmpty();
        StackCommand.start(stack, StackCommand.Service.clickhouse, progress);
        installDockerComposeIfPossible(progress);
        try {
            List<String> command = new ArrayList<>(List.of("mvn", "-B", "verify"));
            command.addAll(mavenArguments);
            System.out.println("… " + String.join(" ", command));
            ProcessBuilder maven = new ProcessBuilder(command).directory(root.toFile()).inheritIO();
            maven.environment().put("MIERUKA_STACK_CLICKHOUSE_HTTP_PORT", Integer.toString(stack.clickHouseHttpPort));
            return maven.start().waitFor();
        } finally {
            if (startedHere) {
                progress.run("Stopping the ClickHouse started for the tests", clickHouse::stop);
            }
        }
    }

    /** docker-compose (Debian's package) lets a test validate docker-compose.yml; installed when root. */
    private static void installDockerComposeIfPossible(Progress progress) throws Exception {
        if (Files.isExecutable(Path.of("/usr/bin/docker-compose")) || !"root".equals(System.getProperty("user.name"))
                || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return;
        }
        progress.run("Installing docker-compose (to validate docker-compose.yml)", () -> {
            ProcessBuilder apt = new ProcessBuilder("apt-get", "install", "-y", "-qq", "--no-install-recommends",
                    "docker-compose").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            apt.environment().put("DEBIAN_FRONTEND", "noninteractive");
            if (apt.start().waitFor() != 0) {
                System.out.println("  (docker-compose could not be installed; its check will report that)");
            }
        });
    }
}
