package org.mieruka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The production-like deployment ({@code docker-compose.yml} at the project root): every service is declared,
 * the single-node Kafka settings exactly-once Streams needs are there, every file it mounts exists, and
 * docker-compose accepts it. Plain line inspection: no YAML library, no Docker engine, no broker.
 */
class DockerComposeFileTest {

    private static final Pattern SERVICE = Pattern.compile("^  ([A-Za-z0-9_.-]+):\\s*(#.*)?$");
    private static final Pattern MOUNT = Pattern.compile("^\\s*-\\s*[\"']?(\\./[^:\"'\\s]+):/.*$");
    private static final Pattern MIN_ISR =
            Pattern.compile("^\\s*-?\\s*KAFKA_TRANSACTION_STATE_LOG_MIN_ISR\\s*[:=]\\s*[\"']?1[\"']?\\s*(#.*)?$");

    @Test
    void shouldDeclareEveryServiceOfTheDeployment() throws IOException {
        Path root = projectRoot();
        List<String> lines = Files.readAllLines(root.resolve("docker-compose.yml"), StandardCharsets.UTF_8);

        assertThat(services(lines)).contains("kafka", "clickhouse", "grafana", "prometheus",
                "mieruka-ingest", "mieruka-streams", "mieruka-sink");
        assertThat(lines).filteredOn(line -> line.contains("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"))
                .as("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR=1 (exactly-once Streams hangs on one node without it)")
                .isNotEmpty().allMatch(line -> MIN_ISR.matcher(line).matches());
        assertThat(serviceBlock(lines, "grafana")).as("grafana mounts the provisioning folder")
                .anyMatch(line -> line.contains("./dashboards/grafana/provisioning:"));

        List<String> mounted = lines.stream().map(MOUNT::matcher).filter(Matcher::matches)
                .map(mount -> mount.group(1)).toList();
        assertThat(mounted).as("paths mounted from ./").isNotEmpty();
        for (String path : mounted) {
            assertThat(root.resolve(path).normalize()).as("%s, mounted by docker-compose.yml", path).exists();
        }
    }

    @Test
    void shouldBeAcceptedByDockerCompose() throws Exception {
        Path compose = dockerCompose();
        // Never skipped: ./mieruka test installs Debian's docker-compose; elsewhere install it to run the suite.
        assertThat(compose).as("docker-compose is needed to validate docker-compose.yml: run the suite with"
                + " ./mieruka test (installs it as root), or apt-get install docker-compose").isNotNull();
        Path root = projectRoot();
        Path output = Files.createTempFile("docker-compose-config", ".log");
        try {
            Process process = new ProcessBuilder(compose.toString(), "-f", root.resolve("docker-compose.yml").toString(),
                    "config", "-q")
                    .directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean finished = process.waitFor(60, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(finished).as("docker-compose config finished within 60 s; output:%n%s", text).isTrue();
            assertThat(process.exitValue()).as("exit code of docker-compose config -q; output:%n%s", text).isZero();
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The names of the services: the keys indented by two spaces under the top-level {@code services:}. */
    private static Set<String> services(List<String> lines) {
        Set<String> names = new LinkedHashSet<>();
        boolean inServices = false;
        for (String line : lines) {
            if (!line.isBlank() && !line.startsWith(" ") && !line.startsWith("#")) {
                inServices = line.startsWith("services:");
            } else if (inServices) {
                Matcher service = SERVICE.matcher(line);
                if (service.matches()) {
                    names.add(service.group(1));
                }
            }
        }
        return names;
    }

    /** The lines of one service, from its key to the next line indented by two spaces or less. */
    private static List<String> serviceBlock(List<String> lines, String name) {
        int start = lines.indexOf("  " + name + ":");
        assertThat(start).as("service %s", name).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && (lines.get(end).isBlank() || lines.get(end).startsWith("   "))) {
            end++;
        }
        return lines.subList(start, end);
    }

    private static Path dockerCompose() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : (System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin"
                + File.pathSeparator + "/usr/local/bin").split(File.pathSeparator)) {
            candidates.add(Path.of(dir, "docker-compose"));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** {@code -Dmieruka.project.root}, else the nearest directory upwards holding pom.xml and docker-compose.yml. */
    private static Path projectRoot() {
        String configured = System.getProperty("mieruka.project.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory above " + Path.of("").toAbsolutePath()
                + " holds both pom.xml and docker-compose.yml; set -Dmieruka.project.root");
    }
}
