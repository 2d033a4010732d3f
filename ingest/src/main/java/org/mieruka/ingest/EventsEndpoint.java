package org.mieruka.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.mieruka.schemas.deadletter.DeadLetter;
import org.mieruka.schemas.deadletter.DeadLetters;
import org.mieruka.schemas.deadletter.Stage;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.json.Rejection;
import org.mieruka.schemas.json.WorkEventJson;

/**
 * {@code POST /v1/events}: validates each event of the batch, writes the accepted ones and the dead
 * letters of the rejected ones to Kafka in one transaction, and only then answers 200 with the
 * accepted count and each rejection by index. Payload values are never logged.
 */
final class EventsEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IngestConfig config;
    private final IdempotentWriter writer;
    private final IngestMetrics metrics;

    EventsEndpoint(IngestConfig config, IdempotentWriter writer, IngestMetrics metrics) {
        this.config = config;
        this.writer = writer;
        this.metrics = metrics;
    }

    /** What to send back: status, JSON body and, for 503, a Retry-After in seconds. */
    record Reply(int status, String body, Integer retryAfterSeconds) {
        static Reply error(int status, String code, String message) {
            ObjectNode node = JSON.createObjectNode().put("error", code).put("message", message);
            return new Reply(status, node.toString(), null);
        }
    }

    Reply handle(Request request) throws InterruptedException {
        long started = System.nanoTime();
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > config.maxBodyBytes) {
            metrics.limited("BODY_TOO_LARGE").increment();
            return Reply.error(413, "BODY_TOO_LARGE", "body exceeds " + config.maxBodyBytes + " bytes");
        }
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
            body = in.readNBytes(config.maxBodyBytes + 1);
        } catch (IOException e) {
            return Reply.error(400, "MALFORMED", "request body could not be read");
        }
        if (body.length > config.maxBodyBytes) {
            metrics.limited("BODY_TOO_LARGE").increment();
            return Reply.error(413, "BODY_TOO_LARGE", "body exceeds " + config.maxBodyBytes + " bytes");
        }
        metrics.bytes.record(body.length);
        List<BatchBody.Item> items;
        try {
            items = BatchBody.split(body, request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        } catch (BatchBody.UnsupportedTypeException e) {
            metrics.limited("UNSUPPORTED_MEDIA_TYPE").increment();
            return Reply.error(415, "UNSUPPORTED_MEDIA_TYPE", e.getMessage());
        } catch (BatchBody.MalformedBodyException e) {
            metrics.limited("MALFORMED").increment();
            return Reply.error(400, "MALFORMED", e.getMessage());
        }
        if (items.size() > config.maxEventsPerBatch) {
            metrics.limited("TOO_MANY_EVENTS").increment();
            return Reply.error(413, "TOO_MANY_EVENTS", "batch has " + items.size() + " events; at most "
                    + config.maxEventsPerBatch + " per request");
        }

        Instant receivedAt = Instant.now();
        List<WorkEvent> accepted = new ArrayList<>(items.size());
        List<DeadLetter> deadLetters = new ArrayList<>();
        ArrayNode rejected = JSON.createArrayNode();
        for (int index = 0; index < items.size(); index++) {
            BatchBody.Item item = items.get(index);
            Rejection rejection = item.refusal();
            if (rejection == null) {
                WorkEventJson.Result result = WorkEventJson.read(item.event());
                if (result.accepted()) {
                    result.event().setReceivedAt(receivedAt);
                    accepted.add(result.event());
                    continue;
                }
                rejection = result.rejection();
            }
            rejected.addObject().put("index", index).put("reason", rejection.reason().name())
                    .put("field", rejection.field()).put("message", rejection.message());
            deadLetters.add(DeadLetters.of(sourceOf(item.event()), Stage.INGEST, rejection.reason(),
                    rejection.field(), rejection.message(), item.raw(), receivedAt));
        }

        IdempotentWriter.Outcome outcome;
        try {
            outcome = writer.write(accepted, deadLetters);
        } catch (EventPublisher.UnavailableException e) {
            metrics.unavailable.increment();
            Reply reply = Reply.error(503, "KAFKA_UNAVAILABLE", "events not stored; retry the same batch later");
            return new Reply(reply.status(), reply.body(), 5);
        }
        metrics.accepted.increment(outcome.written());
        metrics.duplicates.increment(outcome.duplicates());
        for (DeadLetter letter : deadLetters) {
            metrics.rejected(letter.getReason()).increment();
        }
        metrics.batchLatency.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        ObjectNode reply = JSON.createObjectNode();
        reply.put("accepted", outcome.written());
        reply.put("duplicates", outcome.duplicates());
        reply.set("rejected", rejected);
        return new Reply(200, reply.toString(), null);
    }

    private static String sourceOf(JsonNode item) {
        JsonNode source = item == null ? null : item.get("source_system");
        return source != null && source.isTextual() && !source.asText().isEmpty() ? source.asText() : "unknown";
    }

}
