package org.mieruka.bench.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.tools.ProducerPerformance;
import org.mieruka.ingest.IngestConfig;
import org.mieruka.ingest.IngestServer;
import org.mieruka.ingest.source.SourceSetup;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.json.WorkEventJsonWriter;
import org.mieruka.schemas.serde.Serdes;

/**
 * Sustained HTTP ingest against a real broker, next to the raw producer rate Kafka's own
 * {@link ProducerPerformance} reaches in the same run at the same record size and durability
 * (acks=all, idempotent). Prints both and their ratio (docs/benchmarks.md).
 *
 * <pre>java -cp bench/target/mieruka-bench.jar org.mieruka.bench.ingest.IngestThroughput \
 *     [bootstrap=127.0.0.1:19092] [seconds=30] [clients=4] [batch=100]</pre>
 */
public final class IngestThroughput {


    private IngestThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("bootstrap", "127.0.0.1:19092", "seconds", "30",
                "clients", "4", "batch", "100"));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            options.put(pair[0], pair[1]);
        }
        String bootstrap = options.get("bootstrap");
        int seconds = Integer.parseInt(options.get("seconds"));
        int clients = Integer.parseInt(options.get("clients"));
        int batch = Integer.parseInt(options.get("batch"));
        String prefix = "bench." + System.currentTimeMillis() + ".";

        int recordSize = Serdes.workEvent().encode(event(0, 0)).length;
        System.out.printf(Locale.ROOT, "broker %s, %d s, %d clients, batches of %d, WorkEvent %d bytes%n",
                bootstrap, seconds, clients, batch, recordSize);

        double ingest = ingest(bootstrap, prefix, seconds, clients, batch);
        double raw = org.mieruka.bench.RawProducerRate.measure(bootstrap, prefix, recordSize, (long) Math.max(ingest * seconds, 200_000));
        System.out.printf(Locale.ROOT, "%nHTTP ingest:          %,12.0f events/s%n", ingest);
        System.out.printf(Locale.ROOT, "ProducerPerformance:  %,12.0f records/s (%d-byte records, acks=all, idempotent)%n",
                raw, recordSize);
        System.out.printf(Locale.ROOT, "ratio:                %11.1f %%  (target ≥ 50 %%)%n", 100 * ingest / raw);
    }

    private static double ingest(String bootstrap, String prefix, int seconds, int clients, int batch) throws Exception {
        SourceSetup.Prepared sources = SourceSetup.prepare(Files.createTempDirectory("bench-sources"),
                List.of("docs-m365"), List.of("app"));
        String token = sources.tokens().get("docs-m365");
        Map<String, String> raw = new HashMap<>(Map.of("kafka.bootstrap", bootstrap, "topics.prefix", prefix,
                "ingest.http.port", "0", "ingest.instance-id", prefix + "ingest",
                "ingest.max-events-per-batch", Integer.toString(Math.max(batch, 1000)),
                "ingest.sources-file", sources.sourcesFile().toString(),
                "ingest.tokens-file", sources.tokensFile().toString(),
                "ingest.requests-per-second", "100000"));
        try (IngestServer server = IngestServer.withPrometheus(new IngestConfig(raw))) {
            server.start();
            URI endpoint = URI.create("http://127.0.0.1:" + server.port() + "/v1/events");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            AtomicLong sequence = new AtomicLong();
            AtomicLong accepted = new AtomicLong();
            AtomicBoolean measuring = new AtomicBoolean(false);
            AtomicBoolean running = new AtomicBoolean(true);
            // One line written by the JSON writer, then only its id changes: the clients share the 2 cores
            // with the collector and the broker, so they should spend as little as possible.
            String template = new WorkEventJsonWriter(ZoneId.of("Asia/Tokyo")).toLine(event(0, 0));
            String templateId = event(0, 0).getEventId();
            int idAt = template.indexOf(templateId);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                Thread thread = new Thread(() -> {
                    while (running.get()) {
                        StringBuilder body = new StringBuilder();
                        for (int i = 0; i < batch; i++) {
                            body.append(template, 0, idAt).append(String.format("c%d-%012d", client,
                                    sequence.incrementAndGet())).append(template, idAt + templateId.length(),
                                    template.length()).append('\n');
                        }
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                                    .header("Content-Type", "application/x-ndjson")
                                    .header("Authorization", "Bearer " + token)
                                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException("collector answered " + response.statusCode()
                                        + ": " + response.body());
                            }
                            if (measuring.get()) {
                                accepted.addAndGet(batch);
                            }
                        } catch (Exception e) {
                            running.set(false);
                            throw new IllegalStateException(e);
                        }
                    }
                }, "client-" + c);
                threads.add(thread);
                thread.start();
            }
            Thread.sleep(5_000); // warm-up: JIT, producers, connections
            measuring.set(true);
            long started = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            measuring.set(false);
            double elapsed = (System.nanoTime() - started) / 1e9;
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            return accepted.get() / elapsed;
        }
    }

    /** A typical DOCUMENT event; ids unique per client and sequence so none is a duplicate. */
    private static WorkEvent event(int client, long sequence) {
        return WorkEvent.newBuilder().setEventId(String.format("c%d-%012d", client, sequence))
                .setSourceSystem("docs-m365").setKind(EventKind.DOCUMENT).setAction("edited")
                .setOccurredAt(Instant.parse("2026-04-06T01:42:17Z").plusMillis(sequence)).setEmployee("E004211")
                .setOrgUnit("shimin.shimin").setObjectId("sp-site-12/doc-88120").setProcessCode("JUMINHYO")
                .setChannel(Channel.ELECTRONIC).setLocation(Location.HOME)
                .setAttributes(new HashMap<>(Map.of("app", "word"))).build();
    }
}
