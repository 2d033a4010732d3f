package org.mieruka.cli.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code clickhouse-server} run as a plain process with a configuration, data and logs
 * under {@code <stack.home>/clickhouse} (never /var/lib/clickhouse), listening on 127.0.0.1 only.
 * Installed with apt-get when missing and running as root. With {@code clickhouse.url} set, an
 * existing server is used instead and nothing is started.
 */
public final class LocalClickHouse {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final StackConfig config;
    private final Path dir;
    private final Path configFile;
    private final LocalProcess process;

    public LocalClickHouse(StackConfig config) {
        this.config = config;
        this.dir = config.home.resolve("clickhouse");
        this.configFile = dir.resolve("config.xml");
        this.process = new LocalProcess("clickhouse", "--config-file=" + configFile);
    }

    public String url() {
        return config.clickHouseUrl();
    }

    public Path serverLog() {
        return dir.resolve("log").resolve("clickhouse-server.log");
    }

    public Path errorLog() {
        return dir.resolve("log").resolve("clickhouse-server.err.log");
    }

    public Optional<ProcessHandle> running() {
        return process.find();
    }

    public boolean external() {
        return config.usesExternalClickHouse();
    }

    /** Whether the server binary is present (Debian's package installs /usr/sbin/clickhouse-server). */
    public static Optional<Path> binary() {
        for (String candidate : List.of("/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server",
                "/usr/local/bin/clickhouse-server")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    /** Installs Debian's clickhouse-server when missing; only as root, else says what to run. */
    public boolean installIfMissing() throws IOException, InterruptedException {
        if (external() || binary().isPresent()) {
            return false;
        }
        if (!isRoot()) {
            throw new StackException("ClickHouse is not installed. Install it with:\n"
                    + "    sudo apt-get update && sudo apt-get install -y clickhouse-server\n"
                    + "or point Mieruka at an existing server: export MIERUKA_CLICKHOUSE_URL=http://host:8123");
        }
        Path log = dir.resolve("log").resolve("apt-get.out");
        for (List<String> command : List.of(List.of("apt-get", "update", "-qq"),
                List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "clickhouse-server",
                        "clickhouse-client"))) {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            int exit = runLogged(builder, log);
            if (exit != 0) {
                throw new StackException("'" + String.join(" ", command) + "' failed (exit " + exit + "); see " + log);
            }
        }
        if (binary().isEmpty()) {
            throw new StackException("clickhouse-server was installed but no binary was found; see " + log);
        }
        return true;
    }

    /** Starts the server unless it already runs (or an external one is configured); returns when it answers. */
    public boolean start() throws IOException, InterruptedException {
        if (external()) {
            if (!answers()) {
                throw new StackException("the ClickHouse server at " + url() + " (MIERUKA_CLICKHOUSE_URL) does not answer");
            }
            return false;
        }
        if (running().isPresent()) {
            awaitReady();
            return false;
        }
        if (answers()) {
            throw new StackException("port " + config.clickHouseHttpPort + " already answers as a ClickHouse server that"
                    + " this project did not start; stop it, set MIERUKA_CLICKHOUSE_URL=" + url()
                    + " to use it, or set MIERUKA_STACK_CLICKHOUSE_HTTP_PORT to another port");
        }
        installIfMissing();
        for (String sub : List.of("data", "tmp", "user_files", "log", "format_schemas")) {
            Files.createDirectories(dir.resolve(sub));
        }
        writeConfig();
        process.launch(List.of(binary().orElseThrow().toString(), "--config-file=" + configFile),
                dir.resolve("log").resolve("stdout.log"));
        awaitReady();
        return true;
    }

    public boolean stop() throws InterruptedException {
        return !external() && process.stop(Duration.ofSeconds(30));
    }

    public boolean answers() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/ping"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.startTimeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (answers()) {
                return;
            }
            if (running().isEmpty()) {
                throw new StackException("clickhouse-server exited during start-up; see " + errorLog() + " and "
                        + dir.resolve("log").resolve("stdout.log"));
            }
            Thread.sleep(200);
        }
        throw new StackException("ClickHouse did not answer in " + config.startTimeoutSeconds + " s; see " + errorLog());
    }

    private void writeConfig() throws IOException {
        String template = resource("clickhouse-config.xml")
                .replace("@DIR@", dir.toString())
                .replace("@HTTP_PORT@", Integer.toString(config.clickHouseHttpPort))
                .replace("@TCP_PORT@", Integer.toString(config.clickHouseTcpPort));
        Files.writeString(configFile, template, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("users.xml"), resource("clickhouse-users.xml"), StandardCharsets.UTF_8);
    }

    private static String resource(String name) throws IOException {
        try (var in = LocalClickHouse.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int runLogged(ProcessBuilder builder, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Process process = builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return process.waitFor();
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Lines to show an operator where the server's own log is (18.16 sends clients no error text). */
    public List<String> logHints() {
        List<String> lines = new ArrayList<>();
        if (!external()) {
            lines.add("server log: " + serverLog());
            lines.add("error log:  " + errorLog());
        }
        return lines;
    }
}
