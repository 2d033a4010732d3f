package org.mieruka.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.mieruka.cli.Progress;
import org.mieruka.cli.demo.DemoEvents;
import org.mieruka.cli.stack.StackConfig;
import org.mieruka.cli.stack.StackException;
import org.mieruka.ingest.IngestConfig;
import org.mieruka.ingest.IngestServer;
import org.mieruka.ingest.source.SourceSetup;
import org.mieruka.schemas.config.CommonSettings;
import org.mieruka.store.ClickHouseSession;
import org.mieruka.store.ClickHouseSettings;
import org.mieruka.store.migrate.Migrator;
import org.mieruka.store.sink.EventCountRows;
import org.mieruka.store.sink.MetricSink;
import org.mieruka.store.sink.SinkConfig;
import org.mieruka.streams.StreamsApp;
import org.mieruka.streams.StreamsAppConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mieruka demo}: the whole pipeline on this machine. Starts the local stack, the stream
 * processors, the sink and the HTTP collector; posts a morning of demonstration events; waits until
 * ClickHouse has them; prints what was stored; keeps running until Ctrl-C ({@code --exit}: stops).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the local stack and pipeline, feed demonstration events, show what was stored.")
public final class DemoCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--exit", description = "Stop after printing the summary instead of running until Ctrl-C.")
    boolean exit;

    @Option(names = "--port", defaultValue = "8080", description = "Port of the HTTP collector (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait for the events to be stored.")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        Progress progress = new Progress(System.out);
        StackConfig stack = StackCommand.config();
        StackCommand.start(stack, StackCommand.Service.all, progress);

        Map<String, String> overrides = new HashMap<>();
        overrides.put(CommonSettings.KAFKA_BOOTSTRAP, stack.kafkaBootstrap());
        overrides.put(ClickHouseSettings.URL, stack.clickHouseUrl());
        overrides.put(StreamsAppConfig.STATE_DIR, stack.home.resolve("streams").toString());
        overrides.put(IngestConfig.HTTP_PORT, Integer.toString(port));
        overrides.put(CommonSettings.METRICS_PORT, "0");
        // The demo's own sources and tokens, under ./var/demo; a city writes config/sources.json itself.
        SourceSetup.Prepared demoSources = SourceSetup.prepare(stack.home.resolve("demo"),
                DemoEvents.SOURCES, List.of("app", "role"));
        overrides.put(IngestConfig.SOURCES_FILE, demoSources.sourcesFile().toString());
        overrides.put(StreamsAppConfig.SOURCES_FILE, demoSources.sourcesFile().toString()); // the same allow-lists
        overrides.put(IngestConfig.TOKENS_FILE, demoSources.tokensFile().toString());
        if (System.getenv("MIERUKA_PRIVACY_PSEUDONYM_KEYS") == null) {
            overrides.put(StreamsAppConfig.PSEUDONYM_KEYS, "demo=" + demoKey(stack.home.resolve("demo")));
        }
        Map<String, String> env = System.getenv();
        SinkConfig sinkConfig = SinkConfig.load(null, env, overrides);
        StreamsAppConfig streamsConfig = StreamsAppConfig.load(null, env, overrides);
        IngestConfig ingestConfig = IngestConfig.load(null, env, overrides);

        Migrator.Report migration = progress.step("Migrating ClickHouse database '" + sinkConfig.clickHouse.database()
                + "'", () -> new Migrator(sinkConfig.clickHouse).migrate());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Shutdown shutdown = exit ? null : new Shutdown();
        try (StreamsApp streams = new StreamsApp(streamsConfig, registry);
             ClickHouseSession clickHouse = new ClickHouseSession(sinkConfig.clickHouse)) {
            progress.run("Starting stream processors (exactly_once_v2)", () -> {
                streams.start();
                if (!streams.awaitRunning(Duration.ofSeconds(120))) {
                    throw new StackException("the stream processors did not reach RUNNING (state " + streams.state()
                            + "); see the messages above");
                }
            });
            MetricSink sink = new MetricSink(sinkConfig, List.of(EventCountRows.route()), registry);
            Thread sinkThread = new Thread(sink, "sink");
            progress.run("Starting the ClickHouse sink", sinkThread::start);
            try (IngestServer ingest = new IngestServer(ingestConfig, registry)) {
                progress.run("Starting the HTTP collector on port " + port, ingest::start);
                String url = "http://127.0.0.1:" + ingest.port() + "/v1/events";
                long before = storedTotal(clickHouse);
                List<String> events = DemoEvents.morning(LocalDate.now(streamsConfig.zone), streamsConfig.zone,
                        UUID.randomUUID().toString().substring(0, 8));
                int accepted = progress.step("Posting " + events.size() + " demonstration events to " + url,
                        () -> post(url, events, demoSources.tokens()));
                long expected = before + accepted;
                progress.run("Waiting until ClickHouse has them", () -> awaitStored(clickHouse, expected));
                printSummary(clickHouse, accepted, migration, url, demoSources.tokens().get("docs-m365"));
                if (!exit) {
                    System.out.println();
                    System.out.println("Running. Post more events to " + url + " — Ctrl-C to stop.");
                    shutdown.await();
                }
            } finally {
                sink.close();
                sinkThread.join(30_000);
            }
        } finally {
            if (shutdown != null) {
                shutdown.done();
            }
        }
        return 0;
    }

    /**
     * The demo's pseudonym key: made once with a secure random generator and kept under ./var/demo,
     * so the demo's pseudonyms stay the same from run to run. A real deployment configures its own.
     */
    private static String demoKey(java.nio.file.Path folder) throws java.io.IOException {
        java.nio.file.Path file = folder.resolve("pseudonym.key");
        if (!java.nio.file.Files.exists(file)) {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            java.nio.file.Files.createDirectories(folder);
            java.nio.file.Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
        }
        return java.nio.file.Files.readString(file).strip();
    }

    /** Posts the events, each source's with its own token, as the city's systems would. */
    private static int post(String url, List<String> events, Map<String, String> tokens) throws Exception {
        Map<String, List<String>> bySource = new java.util.TreeMap<>();
        for (String event : events) {
            bySource.computeIfAbsent(JSON.readTree(event).get("source_system").asText(), k -> new java.util.ArrayList<>())
                    .add(event);
        }
        int accepted = 0;
        for (Map.Entry<String, List<String>> source : bySource.entrySet()) {
            String token = tokens.get(source.getKey());
            if (token == null) {
                throw new StackException("no demo token for source " + source.getKey());
            }
            accepted += post(url, source.getValue(), token);
        }
        return accepted;
    }

    private static int post(String url, List<String> events, String token) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", events))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new StackException("the collector answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        if (body.get("rejected").size() > 0) {
            throw new StackException("demonstration events were rejected: " + body.get("rejected"));
        }
        return body.get("accepted").asInt();
    }

    private static long storedTotal(ClickHouseSession clickHouse) {
        return clickHouse.query("SELECT sum(events) AS total FROM event_counts_current FORMAT JSONEachRow")
                .stream().findFirst().map(row -> row.get("total").asLong()).orElse(0L);
    }

    private void awaitStored(ClickHouseSession clickHouse, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        long stored = storedTotal(clickHouse);
        while (stored < expected) {
            if (System.nanoTime() > deadline) {
                throw new StackException("after " + timeoutSeconds + " s ClickHouse holds " + stored + " of " + expected
                        + " events; see the log lines above and ./mieruka stack status");
            }
            Thread.sleep(250);
            stored = storedTotal(clickHouse);
        }
    }

    private static void printSummary(ClickHouseSession clickHouse, int accepted, Migrator.Report migration,
                                     String url, String token) {
        List<JsonNode> rows = clickHouse.query("SELECT source_system, kind, toString(event_date) AS event_date, events"
                + " FROM event_counts_current ORDER BY event_date DESC, source_system, kind LIMIT 20 FORMAT JSONEachRow");
        System.out.println();
        System.out.println("Stored " + accepted + " new events. 保存されたイベント数 (event_counts_current, latest 20 rows):");
        System.out.printf("  %-14s %-10s %-12s %8s%n", "source_system", "kind", "event_date", "events");
        System.out.println("  " + "-".repeat(47));
        for (JsonNode row : rows) {
            System.out.printf("  %-14s %-10s %-12s %8d%n", row.get("source_system").asText(), row.get("kind").asText(),
                    row.get("event_date").asText(), row.get("events").asLong());
        }
        String endpoint = clickHouse.endpoint().url();
        System.out.println();
        System.out.println("Query it yourself (ClickHouse " + migration.serverVersion() + "):");
        System.out.println("  curl '" + endpoint + "/?database=" + clickHouse.endpoint().database()
                + "' --data-binary 'SELECT * FROM event_counts_current FORMAT PrettyCompact'");
        System.out.println("Send more events (as the demo source docs-m365, with the token issued for this run):");
        System.out.println("  curl -H 'Content-Type: application/x-ndjson' -H 'Authorization: Bearer " + token
                + "' --data-binary @events.ndjson " + url);
    }
}
