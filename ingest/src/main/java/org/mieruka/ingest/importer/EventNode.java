package org.mieruka.ingest.importer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Builds one event in the JSON form: the contract's field names in its order, empty values left
 * out (the contract reads absent, null and "" alike), {@code occurred_at} with milliseconds and the
 * offset it was given.
 */
final class EventNode {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final ObjectNode node = JsonNodeFactory.instance.objectNode();
    private final OffsetDateTime occurredAt;

    EventNode(String eventId, String sourceSystem, String kind, String action, OffsetDateTime occurredAt,
              String employee) {
        this.occurredAt = occurredAt;
        node.put("event_id", eventId);
        node.put("source_system", sourceSystem);
        node.put("kind", kind);
        node.put("action", action);
        node.put("occurred_at", TIME.format(occurredAt));
        put("employee", employee);
    }

    EventNode put(String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
        return this;
    }

    EventNode duration(long millis) {
        node.put("duration_ms", millis);
        return this;
    }

    EventNode attribute(String name, String value) {
        if (value != null && !value.isEmpty()) {
            (node.has("attributes") ? (ObjectNode) node.get("attributes") : node.putObject("attributes"))
                    .put(name, value);
        }
        return this;
    }

    OffsetDateTime occurredAt() {
        return occurredAt;
    }

    ObjectNode node() {
        return node;
    }

    /** A MEETING event from an online meeting report (Teams, Zoom). */
    static EventNode onlineMeeting(String id, String action, OffsetDateTime at, Duration length, String employee,
                                    String meetingId, ImportSettings settings) {
        return new EventNode(id, settings.sourceSystem(), "MEETING", action, at, employee)
                .put("object_id", meetingId)
                .put("process_code", settings.defaultProcessCode())
                .put("channel", "ONLINE")
                .duration(length.toMillis());
    }
}
