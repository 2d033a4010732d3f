package org.mieruka.simulate.feed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.json.WorkEventJsonWriter;

/**
 * To the HTTP collector as a source system would post: NDJSON batches to {@code /v1/events}. A
 * 503 (Kafka away) is retried after the collector's Retry-After; any other refusal stops the run,
 * since a simulated event the collector rejects is a bug in the simulator or the collector.
 */
public final class HttpEventSink implements EventSink {

    private static final int MAX_RETRIES = 20;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final WorkEventJsonWriter json;

    public HttpEventSink(URI collector, ZoneId zone) {
        this.endpoint = collector.resolve("/v1/events");
        this.json = new WorkEventJsonWriter(zone);
    }

    @Override
    public void send(List<WorkEvent> batch) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        batch.forEach(event -> body.append(json.toLine(event)).append('\n'));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return;
            }
            if (response.statusCode() != 503 || attempt == MAX_RETRIES) {
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
