package org.mieruka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mieruka.ingest.IngestConfig;
import org.mieruka.ingest.IngestServer;
import org.mieruka.ingest.source.SourceSetup;
import org.mieruka.store.ClickHouseSession;
import org.mieruka.store.migrate.Migrator;
import org.mieruka.store.sink.EventCountRows;
import org.mieruka.store.sink.MetricSink;
import org.mieruka.store.sink.SinkConfig;
import org.mieruka.streams.StreamsApp;
import org.mieruka.streams.StreamsAppConfig;
import org.mieruka.testsupport.MierukaInfra;
import org.mieruka.testsupport.TestClickHouse;
import org.mieruka.testsupport.TestKafka;

/** One event posted over HTTP reaches Kafka, is counted under exactly_once_v2 and lands in ClickHouse. */
@ExtendWith(MierukaInfra.class)
class WalkingSkeletonIT {

    private static final String EVENT = "{\"event_id\":\"walk-1\",\"source_system\":\"approval-sys\","
            + "\"kind\":\"WORKFLOW\",\"action\":\"case_opened\",\"occurred_at\":\"2026-04-06T23:30:00+09:00\","
            + "\"employee\":\"E0042\",\"object_id\":\"case-1\",\"process_code\":\"P-JIDOTEATE\"}";

    @Test
    void shouldCarryOneEventFromHttpToAClickHouseCount(TestKafka kafka, TestClickHouse clickHouse,
                                                       @TempDir Path state) throws Exception {
        Map<String, String> raw = new HashMap<>(kafka.settings());
        raw.putAll(clickHouse.settings());
        raw.put("streams.application-id", kafka.topicPrefix() + "streams");
        raw.put("streams.state-dir", state.toString());
        raw.put("privacy.pseudonym.keys", "it=" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
        raw.put("sink.group-id", kafka.topicPrefix() + "sink");
        raw.put("sink.batch.max-delay-ms", "100");
        raw.put("ingest.http.port", "0");
        raw.put("ingest.instance-id", kafka.topicPrefix() + "ingest");
        SourceSetup.Prepared sources = SourceSetup.prepare(state.resolve("sources"), List.of("approval-sys"), List.of());
        raw.put("ingest.sources-file", sources.sourcesFile().toString());
        raw.put("privacy.sources-file", sources.sourcesFile().toString());
        raw.put("ingest.tokens-file", sources.tokensFile().toString());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SinkConfig sinkConfig = new SinkConfig(raw);
        new Migrator(sinkConfig.clickHouse).migrate();

        try (StreamsApp streams = new StreamsApp(new StreamsAppConfig(raw), registry);
             IngestServer ingest = new IngestServer(new IngestConfig(raw), registry);
             ClickHouseSession session = new ClickHouseSession(sinkConfig.clickHouse)) {
            streams.start();
            assertThat(streams.awaitRunning(Duration.ofSeconds(90))).as("streams RUNNING").isTrue();
            MetricSink sink = new MetricSink(sinkConfig, List.of(EventCountRows.route()), registry);
            Thread sinkThread = new Thread(sink, "sink");
            sinkThread.start();
            ingest.start();
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + ingest.port() + "/v1/events"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + sources.tokens().get("approval-sys"))
                        .POST(HttpRequest.BodyPublishers.ofString("[" + EVENT + "]")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(response.body()).contains("\"accepted\":1");

                String sql = "SELECT source_system, kind, toString(event_date) AS d, events"
                        + " FROM event_counts_current FORMAT JSONEachRow";
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                var rows = session.query(sql);
                while (rows.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    rows = session.query(sql);
                }

                assertThat(rows).hasSize(1);
                assertThat(rows.get(0).get("source_system").asText()).isEqualTo("approval-sys");
                assertThat(rows.get(0).get("kind").asText()).isEqualTo("WORKFLOW");
                assertThat(rows.get(0).get("d").asText()).isEqualTo("2026-04-06"); // local Tokyo date
                assertThat(rows.get(0).get("events").asLong()).isEqualTo(1);
            } finally {
                sink.close();
                sinkThread.join(30_000);
            }
        }
    }
}
