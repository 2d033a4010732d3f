package org.mieruka.schemas.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.TreeMap;
import org.mieruka.schemas.event.WorkEvent;

/**
 * Writes a WorkEvent in the JSON form {@link WorkEventJson} reads: the contract's field names in
 * its order, absent optional fields left out, {@code occurred_at} as ISO-8601 with the city's
 * offset and milliseconds, attributes sorted by key. {@code received_at} is the collector's and is
 * never written. Same event, same text.
 */
public final class WorkEventJsonWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final ZoneId zone;

    public WorkEventJsonWriter(ZoneId zone) {
        this.zone = zone;
    }

    public ObjectNode toNode(WorkEvent event) {
        ObjectNode node = JSON.createObjectNode()
                .put("event_id", event.getEventId())
                .put("source_system", event.getSourceSystem())
                .put("kind", event.getKind().name())
                .put("action", event.getAction())
                .put("occurred_at", TIME.format(event.getOccurredAt().atZone(zone)))
                .put("employee", event.getEmployee());
        putIfPresent(node, "org_unit", event.getOrgUnit());
        putIfPresent(node, "object_id", event.getObjectId());
        putIfPresent(node, "process_code", event.getProcessCode());
        putIfPresent(node, "channel", event.getChannel() == null ? null : event.getChannel().name());
        putIfPresent(node, "location", event.getLocation() == null ? null : event.getLocation().name());
        if (event.getDurationMs() != null) {
            node.put("duration_ms", event.getDurationMs());
        }
        if (!event.getAttributes().isEmpty()) {
            ObjectNode attributes = node.putObject("attributes");
            new TreeMap<>(event.getAttributes()).forEach(attributes::put);
        }
        return node;
    }

    /** One line of NDJSON, without the line break. */
    public String toLine(WorkEvent event) {
        return toNode(event).toString();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }
}
