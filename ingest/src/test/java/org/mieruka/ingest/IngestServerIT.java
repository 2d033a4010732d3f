package org.mieruka.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mieruka.ingest.source.SourceSetup;
import org.mieruka.ingest.source.TokenStore;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.testsupport.MierukaInfra;
import org.mieruka.testsupport.TestKafka;

@ExtendWith(MierukaInfra.class)
class IngestServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String GOOD = "{\"event_id\":\"e%d\",\"source_system\":\"docs-m365\",\"kind\":\"DOCUMENT\","
            + "\"action\":\"edited\",\"occurred_at\":\"2026-04-06T09:12:00+09:00\",\"employee\":\"E0001\","
            + "\"object_id\":\"doc-1\"}";

    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path sourcesDir;
    private static SourceSetup.Prepared sources;
    private static String token;

    @org.junit.jupiter.api.BeforeAll
    static void registerSources() throws Exception {
        sources = SourceSetup.prepare(sourcesDir, List.of("docs-m365", "zoom"), List.of("app"));
        token = sources.tokens().get("docs-m365");
    }

    private static IngestConfig config(String bootstrap, String prefix, Map<String, String> extra) {
        Map<String, String> raw = new HashMap<>(Map.of("kafka.bootstrap", bootstrap, "topics.prefix", prefix,
                "ingest.http.port", "0", "ingest.instance-id", prefix + "ingest",
                "ingest.sources-file", sources.sourcesFile().toString(),
                "ingest.tokens-file", sources.tokensFile().toString()));
        raw.putAll(extra);
        return new IngestConfig(raw);
    }

    private static HttpResponse<String> post(IngestServer server, String contentType, String body) throws Exception {
        return post(server, contentType, body, token);
    }

    private static HttpResponse<String> post(IngestServer server, String contentType, String body, String bearer)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/events"))
                .header("Content-Type", contentType).timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }


    private static List<ConsumerRecord<byte[], byte[]>> readToEnd(TestKafka kafka, String topic) {
        return org.mieruka.testsupport.TopicContents.readToEnd(kafka, topic);
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(TestKafka kafka, String topic, int expected) {
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.topicPrefix() + "reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    @Test
    void shouldAcceptTheGoodEventsOfABatchAndDeadLetterTheBadOnesByIndex(TestKafka kafka) throws Exception {
        try (IngestServer server = IngestServer.withPrometheus(config(kafka.bootstrapServers(), kafka.topicPrefix(),
                Map.of()))) {
            server.start();
            String body = String.format(GOOD, 1) + "\n" + String.format(GOOD, 2).replace("+09:00", "") + "\nnot json\n"
                    + String.format(GOOD, 3);

            HttpResponse<String> response = post(server, "application/x-ndjson", body);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode reply = JSON.readTree(response.body());
            assertThat(reply.get("accepted").asInt()).isEqualTo(2);
            assertThat(reply.get("rejected")).extracting(r -> r.get("index").asInt() + ":" + r.get("reason").asText())
                    .containsExactly("1:BAD_TIMESTAMP", "2:MALFORMED");
            List<ConsumerRecord<byte[], byte[]>> raw = readAll(kafka, TopicCatalog.RAW_EVENTS.name(kafka.topicPrefix()), 2);
            assertThat(raw).extracting(r -> Serdes.workEvent().decode(r.value())).extracting(WorkEvent::getEventId)
                    .containsExactlyInAnyOrder("e1", "e3");
            assertThat(raw).extracting(r -> Serdes.workEvent().decode(r.value()).getReceivedAt()).doesNotContainNull();
            assertThat(readAll(kafka, TopicCatalog.DEAD_LETTER.name(kafka.topicPrefix()), 2))
                    .extracting(r -> Serdes.deadLetter().decode(r.value()))
                    .extracting(l -> l.getStage() + ":" + l.getReason() + ":" + l.getPayloadWithheld())
                    .containsExactlyInAnyOrder("INGEST:BAD_TIMESTAMP:false", "INGEST:MALFORMED:false");
            assertThat(server.registry().scrape()).contains("mieruka_ingest_events_accepted_total 2.0")
                    .contains("mieruka_ingest_events_rejected_total{reason=\"BAD_TIMESTAMP\"} 1.0");
        }
    }

    @Test
    void shouldStoreOneRecordPerEventIdWhenABatchIsRetriedEvenAfterARestart(TestKafka kafka) throws Exception {
        String batch = "[" + String.format(GOOD, 1) + "," + String.format(GOOD, 2) + "," + String.format(GOOD, 1) + "]";
        try (IngestServer server = IngestServer.withPrometheus(config(kafka.bootstrapServers(), kafka.topicPrefix(),
                Map.of()))) {
            server.start();
            JsonNode first = JSON.readTree(post(server, "application/json", batch).body());
            JsonNode retry = JSON.readTree(post(server, "application/json", batch).body());

            assertThat(first.get("accepted").asInt()).isEqualTo(2);
            assertThat(first.get("duplicates").asInt()).as("e1 twice in one batch").isEqualTo(1);
            assertThat(retry.get("accepted").asInt()).isZero();
            assertThat(retry.get("duplicates").asInt()).isEqualTo(3);
        }
        try (IngestServer restarted = IngestServer.withPrometheus(config(kafka.bootstrapServers(), kafka.topicPrefix(),
                Map.of("ingest.instance-id", kafka.topicPrefix() + "ingest-2")))) {
            restarted.start();
            JsonNode afterRestart = JSON.readTree(post(restarted, "application/json",
                    "[" + String.format(GOOD, 2) + "," + String.format(GOOD, 3) + "]").body());

            assertThat(afterRestart.get("accepted").asInt()).as("only e3 is new").isEqualTo(1);
            assertThat(afterRestart.get("duplicates").asInt()).isEqualTo(1);
        }
        List<ConsumerRecord<byte[], byte[]>> stored = readToEnd(kafka, TopicCatalog.RAW_EVENTS.name(kafka.topicPrefix()));
        assertThat(stored).extracting(r -> Serdes.workEvent().decode(r.value()).getEventId())
                .containsExactlyInAnyOrder("e1", "e2", "e3");
        assertThat(stored).extracting(ConsumerRecord::partition).as("one source, one partition, in order").containsOnly(
                stored.get(0).partition());
    }

    private static byte[] framed(byte[]... records) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] record : records) {
            long zigzag = ((long) record.length << 1) ^ ((long) record.length >> 63);
            while ((zigzag & ~0x7FL) != 0) {
                out.write((int) ((zigzag & 0x7F) | 0x80));
                zigzag >>>= 7;
            }
            out.write((int) zigzag);
            out.writeBytes(record);
        }
        return out.toByteArray();
    }

    private static HttpResponse<String> postBytes(IngestServer server, String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/events"))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldReadAvroSingleObjectRecordsAndRefuseWrongTypesAndTruncatedBodies(TestKafka kafka) throws Exception {
        var serde = Serdes.workEvent();
        java.util.function.IntFunction<byte[]> event = i -> serde.encode(WorkEvent.newBuilder().setEventId("a" + i)
                .setSourceSystem("docs-m365").setKind(org.mieruka.schemas.event.EventKind.DOCUMENT).setAction("edited")
                .setOccurredAt(java.time.Instant.parse("2026-04-06T00:12:00Z")).setEmployee("E0001").setObjectId("d")
                .build());
        byte[] corrupt = event.apply(3);
        corrupt[5] ^= 0x7F; // the fingerprint: no released schema has it
        try (IngestServer server = IngestServer.withPrometheus(config(kafka.bootstrapServers(), kafka.topicPrefix(),
                Map.of()))) {
            server.start();

            HttpResponse<String> avro = postBytes(server, BatchBody.AVRO, framed(event.apply(1), event.apply(2), corrupt));
            byte[] whole = framed(event.apply(4));
            HttpResponse<String> truncated = postBytes(server, BatchBody.AVRO, Arrays.copyOf(whole, whole.length - 3));
            HttpResponse<String> wrongType = post(server, "text/plain", String.format(GOOD, 9));
            HttpResponse<String> noType = postBytes(server, "", String.format(GOOD, 9).getBytes());

            assertThat(avro.statusCode()).isEqualTo(200);
            JsonNode reply = JSON.readTree(avro.body());
            assertThat(reply.get("accepted").asInt()).isEqualTo(2);
            assertThat(reply.get("rejected")).extracting(r -> r.get("index").asInt() + ":" + r.get("reason").asText()
                    + ":" + r.get("message").asText()).containsExactly(
                    "2:MALFORMED:not a WorkEvent of a released schema (UNKNOWN_SCHEMA)");
            assertThat(truncated.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(truncated.body()).get("message").asText()).startsWith("record 0 is truncated");
            assertThat(wrongType.statusCode()).isEqualTo(415);
            assertThat(JSON.readTree(wrongType.body()).get("error").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            assertThat(noType.statusCode()).isEqualTo(415);
        }
    }

    @Test
    void shouldAnswerEveryTokenProblemAndRateLimitWithItsOwnStatusAndReason(TestKafka kafka) throws Exception {
        TokenStore store = new TokenStore(sources.tokensFile());
        var revoked = store.create("docs-m365");
        store.revoke(revoked.id());
        String unregistered = store.create("not-in-sources").token();
        java.nio.file.Path limitedDir = sourcesDir.resolve("limited");
        SourceSetup.Prepared limited = SourceSetup.prepare(limitedDir, List.of("docs-m365"), List.of());
        java.nio.file.Files.writeString(limited.sourcesFile(), "{\"sources\":{\"docs-m365\":"
                + "{\"limits\":{\"requests_per_second\":2}}}}");
        try (IngestServer server = IngestServer.withPrometheus(config(kafka.bootstrapServers(), kafka.topicPrefix(),
                Map.of()))) {
            server.start();
            String one = "[" + String.format(GOOD, 1) + "]";
            assertThat(status(post(server, "application/json", one, null))).isEqualTo("401 TOKEN_MISSING");
            assertThat(status(post(server, "application/json", one, "mrk_nonsense"))).isEqualTo("401 TOKEN_INVALID");
            assertThat(status(post(server, "application/json", one, revoked.token()))).isEqualTo("401 TOKEN_REVOKED");
            assertThat(status(post(server, "application/json", one, unregistered)))
                    .isEqualTo("403 SOURCE_NOT_REGISTERED");
        }
        try (IngestServer server = IngestServer.withPrometheus(config(kafka.bootstrapServers(), kafka.topicPrefix(),
                Map.of("ingest.sources-file", limited.sourcesFile().toString(),
                        "ingest.tokens-file", limited.tokensFile().toString(),
                        "ingest.instance-id", kafka.topicPrefix() + "limited")))) {
            server.start();
            String bearer = limited.tokens().get("docs-m365");
            List<String> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> response = post(server, "application/json", "[" + String.format(GOOD, 10 + i) + "]",
                        bearer);
                answers.add(response.statusCode() + (response.statusCode() == 429
                        ? " " + response.headers().firstValue("Retry-After").orElse("") : ""));
            }
            assertThat(answers).startsWith("200", "200").contains("429 1");
        }
    }

    @Test
    void shouldStoreNinetyNineOfAHundredAndWithholdTheOneCarryingAnIndividualNumber(TestKafka kafka) throws Exception {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            String event = String.format(GOOD, 100 + i);
            if (i == 42) { // 123456789018: a valid check digit (see IndividualNumberScannerTest)
                event = event.replace("\"object_id\":\"doc-1\"", "\"object_id\":\"個人番号123456789018\"");
            }
            batch.append(i == 0 ? "" : ",").append(event);
        }
        batch.append("]");
        try (IngestServer server = IngestServer.withPrometheus(config(kafka.bootstrapServers(), kafka.topicPrefix(),
                Map.of()))) {
            server.start();
            JsonNode reply = JSON.readTree(post(server, "application/json", batch.toString()).body());

            assertThat(reply.get("accepted").asInt()).isEqualTo(99);
            assertThat(reply.get("rejected")).singleElement().satisfies(r -> {
                assertThat(r.get("index").asInt()).isEqualTo(42);
                assertThat(r.get("reason").asText()).isEqualTo("MY_NUMBER");
                assertThat(r.toString()).doesNotContain("123456789018");
            });
        }
        assertThat(readToEnd(kafka, TopicCatalog.RAW_EVENTS.name(kafka.topicPrefix()))).hasSize(99);
        assertThat(readToEnd(kafka, TopicCatalog.DEAD_LETTER.name(kafka.topicPrefix())))
                .extracting(r -> Serdes.deadLetter().decode(r.value()))
                .singleElement().satisfies(letter -> {
                    assertThat(letter.getPayload()).isNull();
                    assertThat(letter.getPayloadWithheld()).isTrue();
                    assertThat(letter.getSource()).isEqualTo("docs-m365");
                });
    }

    private static String status(HttpResponse<String> response) throws Exception {
        return response.statusCode() + " " + JSON.readTree(response.body()).get("error").asText();
    }

    @Test
    void shouldAnswer503AndAcknowledgeNothingUnstoredWhenKafkaStops() throws Exception {
        try (org.mieruka.testsupport.DisposableKafka kafka = org.mieruka.testsupport.DisposableKafka.start()) {
            String prefix = "it.stopping.";
            try (IngestServer server = IngestServer.withPrometheus(config(kafka.bootstrapServers(), prefix,
                    Map.of("ingest.kafka.timeout-ms", "3000")))) {
                server.start();
                HttpResponse<String> before = post(server, "application/json", "[" + String.format(GOOD, 1) + "]");
                assertThat(before.statusCode()).isEqualTo(200);
                assertThat(readToEnd(new TestKafka(kafka.bootstrapServers(), "disposable", prefix),
                        TopicCatalog.RAW_EVENTS.name(prefix))).hasSize(1);

                kafka.stop();
                HttpResponse<String> during = post(server, "application/json", "[" + String.format(GOOD, 2) + "]");

                assertThat(during.statusCode()).isEqualTo(503);
                assertThat(during.headers().firstValue("Retry-After")).contains("5");
                assertThat(JSON.readTree(during.body()).get("error").asText()).isEqualTo("KAFKA_UNAVAILABLE");
                assertThat(server.registry().scrape()).contains("mieruka_ingest_events_accepted_total 1.0");
            }
        }
    }

    @Test
    void shouldAnswerEachLimitWithItsOwnStatusAndReason(TestKafka kafka) throws Exception {
        try (IngestServer server = IngestServer.withPrometheus(config(kafka.bootstrapServers(), kafka.topicPrefix(),
                Map.of("ingest.max-body-bytes", "2048", "ingest.max-events-per-batch", "2")))) {
            server.start();

            HttpResponse<String> tooMany = post(server, "application/json",
                    "[" + String.format(GOOD, 1) + "," + String.format(GOOD, 2) + "," + String.format(GOOD, 3) + "]");
            HttpResponse<String> tooLarge = post(server, "application/json", "[" + " ".repeat(3000) + "]");
            HttpResponse<String> malformed = post(server, "application/json", "[{\"event_id\":");

            assertThat(tooMany.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(tooMany.body()).get("error").asText()).isEqualTo("TOO_MANY_EVENTS");
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(tooLarge.body()).get("error").asText()).isEqualTo("BODY_TOO_LARGE");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(malformed.body()).get("error").asText()).isEqualTo("MALFORMED");
        }
    }

    @Test
    void shouldAnswer503WithRetryAfterAndReportNotReadyWhenKafkaIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (IngestServer server = new IngestServer(config("127.0.0.1:" + closedPort, "it.nokafka.",
                Map.of("ingest.kafka.timeout-ms", "1500")), new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT))) {
            server.startWithoutTopics();

            HttpResponse<String> response = post(server, "application/json", "[" + String.format(GOOD, 1) + "]");
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).contains("5");
            assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("KAFKA_UNAVAILABLE");
            assertThat(ready.statusCode()).isEqualTo(503);
        }
    }
}
