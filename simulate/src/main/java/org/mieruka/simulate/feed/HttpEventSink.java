package org.mieruka.simulate.feed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.json.WorkEventJsonWriter;

/**
 * To the HTTP collector as a source system would post: NDJSON batches to {@code /v1/events}, one
 * request per source with that source's token. A 503 (Kafka away) or 429 (over the source's rate)
 * is retried after the collector's Retry-After; any other refusal stops the run,
 * since a simulated event the collector rejects is a bug in the simulator or the collector.
 */
public final class HttpEventSink implements EventSink {

    private static final int MAX_RETRIES = 20;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final WorkEventJsonWriter json;
    private final Map<String, String> tokens;

    /** @param tokens the API token of each source_system the events come from */
    public HttpEventSink(URI collector, ZoneId zone, Map<String, String> tokens) {
        this.endpoint = collector.resolve("/v1/events");
        this.json = new WorkEventJsonWriter(zone);
        this.tokens = Map.copyOf(tokens);
    }

    @Override
    public void send(List<WorkEvent> batch) throws IOException, InterruptedException {
        Map<String, StringBuilder> bodies = new LinkedHashMap<>(); // one request per source: the token decides it
        batch.forEach(event -> bodies.computeIfAbsent(event.getSourceSystem(), s -> new StringBuilder())
                .append(json.toLine(event)).append('\n'));
        for (Map.Entry<String, StringBuilder> body : bodies.entrySet()) {
            String token = tokens.get(body.getKey());
            if (token == null) {
                throw new IOException("no API token for source " + body.getKey());
            }
            post(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body.getValue().toString())).build());
        }
    }

    private void post(HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return;
            }
            boolean retry = response.statusCode() == 503 || response.statusCode() == 429; // Kafka away; over the rate
            if (!retry || attempt == MAX_RETRIES) {
                throw new IOException("collector " + endpoint + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(5);
            Thread.sleep(seconds * 1000);
        }
    }

    @Override
    public void close() {
        // HttpClient holds no resource that needs closing on Java 17
    }
}
