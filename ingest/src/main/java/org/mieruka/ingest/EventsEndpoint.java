package org.mieruka.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.mieruka.schemas.deadletter.DeadLetter;
import org.mieruka.schemas.deadletter.DeadLetters;
import org.mieruka.schemas.deadletter.Stage;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.json.Rejection;
import org.mieruka.ingest.admission.EventAdmission;
import org.mieruka.ingest.privacy.EventScreen;
import org.mieruka.ingest.source.RequestRate;
import org.mieruka.ingest.source.SourceLimits;
import org.mieruka.ingest.source.SourceRegistration;
import org.mieruka.ingest.source.SourceRegistry;
import org.mieruka.ingest.source.TokenStore;

/**
 * {@code POST /v1/events}: validates each event of the batch, writes the accepted ones and the dead
 * letters of the rejected ones to Kafka in one transaction, and only then answers 200 with the
 * accepted count and each rejection by index. Payload values are never logged.
 */
final class EventsEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IdempotentWriter writer;
    private final IngestMetrics metrics;
    private final TokenStore tokens;
    private final SourceRegistry sources;
    private final EventAdmission admission;
    private final Map<String, RequestRate> rates = new ConcurrentHashMap<>();

    EventsEndpoint(IdempotentWriter writer, IngestMetrics metrics, TokenStore tokens, SourceRegistry sources) {
        this.writer = writer;
        this.metrics = metrics;
        this.tokens = tokens;
        this.sources = sources;
        this.admission = new EventAdmission(new EventScreen(sources.personalData()));
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
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            metrics.limited("TOKEN_MISSING").increment();
            return Reply.error(401, "TOKEN_MISSING", "send the source's API token as 'Authorization: Bearer <token>'");
        }
        TokenStore.TokenCheck token = tokens.check(authorization.substring(7).strip());
        if (token.status() != TokenStore.TokenStatus.VALID) {
            String code = token.status() == TokenStore.TokenStatus.REVOKED ? "TOKEN_REVOKED" : "TOKEN_INVALID";
            metrics.limited(code).increment();
            return Reply.error(401, code, token.status() == TokenStore.TokenStatus.REVOKED
                    ? "this token was revoked; ask for a new one (./mieruka tokens create)" : "unknown token");
        }
        SourceRegistration source = sources.find(token.source()).orElse(null);
        if (source == null) {
            metrics.limited("SOURCE_NOT_REGISTERED").increment();
            return Reply.error(403, "SOURCE_NOT_REGISTERED", "the token's source is not in the sources file");
        }
        SourceLimits limits = source.limits();
        if (!rates.computeIfAbsent(source.sourceSystem(), s -> new RequestRate(limits.requestsPerSecond())).tryAcquire()) {
            metrics.limited("RATE_LIMITED").increment();
            Reply reply = Reply.error(429, "RATE_LIMITED", "more than " + limits.requestsPerSecond()
                    + " requests per second from this source");
            return new Reply(reply.status(), reply.body(), 1);
        }
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > limits.maxBodyBytes()) {
            metrics.limited("BODY_TOO_LARGE").increment();
            return Reply.error(413, "BODY_TOO_LARGE", "body exceeds " + limits.maxBodyBytes() + " bytes");
        }
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
            body = in.readNBytes(limits.maxBodyBytes() + 1);
        } catch (IOException e) {
            return Reply.error(400, "MALFORMED", "request body could not be read");
        }
        if (body.length > limits.maxBodyBytes()) {
            metrics.limited("BODY_TOO_LARGE").increment();
            return Reply.error(413, "BODY_TOO_LARGE", "body exceeds " + limits.maxBodyBytes() + " bytes");
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
        if (items.size() > limits.maxEventsPerBatch()) {
            metrics.limited("TOO_MANY_EVENTS").increment();
            return Reply.error(413, "TOO_MANY_EVENTS", "batch has " + items.size() + " events; at most "
                    + limits.maxEventsPerBatch() + " per request");
        }

        Instant receivedAt = Instant.now();
        List<WorkEvent> accepted = new ArrayList<>(items.size());
        List<DeadLetter> deadLetters = new ArrayList<>();
        ArrayNode rejected = JSON.createArrayNode();
        for (int index = 0; index < items.size(); index++) {
            BatchBody.Item item = items.get(index);
            Rejection rejection = item.refusal();
            if (rejection == null) {
                EventAdmission.Outcome outcome = admission.admit(item.event(), source);
                if (outcome.accepted()) {
                    outcome.event().setReceivedAt(receivedAt);
                    accepted.add(outcome.event());
                    metrics.droppedAttributes.increment(outcome.droppedAttributes());
                    continue;
                }
                rejection = outcome.rejection();
            }
            rejected.addObject().put("index", index).put("reason", rejection.reason().name())
                    .put("field", rejection.field()).put("message", rejection.message());
            deadLetters.add(DeadLetters.of(source.sourceSystem(), Stage.INGEST, rejection.reason(),
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

}
