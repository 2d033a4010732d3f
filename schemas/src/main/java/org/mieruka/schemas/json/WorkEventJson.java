package org.mieruka.schemas.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.event.WorkEvent;

/**
 * The strict JSON form of a WorkEvent (events.md, "The JSON form"): exactly the contract's field
 * names, enums in upper case, {@code occurred_at} ISO-8601 with an offset, attribute values as
 * strings. An absent optional field, {@code null} and {@code ""} mean the same.
 */
public final class WorkEventJson {

    static final Set<String> FIELDS = Set.of("event_id", "source_system", "kind", "action", "occurred_at",
            "employee", "org_unit", "object_id", "process_code", "channel", "location", "duration_ms",
            "attributes");

    private WorkEventJson() {
    }

    /** The outcome of reading one JSON value: an event, or the one reason it was rejected. */
    public record Result(WorkEvent event, Rejection rejection) {
        public boolean accepted() {
            return event != null;
        }
    }

    public static Result read(JsonNode node) {
        if (node == null || !node.isObject()) {
            return rejected(new Rejection(RejectionReason.MALFORMED, "", "an event must be a JSON object"));
        }
        List<Rejection> found = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                found.add(new Rejection(RejectionReason.UNKNOWN_FIELD, name, "field is not part of WorkEvent"));
            }
        }
        String eventId = requiredText(node, "event_id", found);
        String source = requiredText(node, "source_system", found);
        String action = requiredText(node, "action", found);
        String employee = requiredText(node, "employee", found);
        EventKind kind = enumValue(node, "kind", true, EventKind::valueOf, EventKind.OTHER, found);
        Channel channel = enumValue(node, "channel", false, Channel::valueOf, Channel.OTHER, found);
        Location location = enumValue(node, "location", false, Location::valueOf, null, found);
        Long occurredAt = timestamp(node, found);
        Long duration = optionalLong(node, "duration_ms", found);
        Map<String, String> attributes = attributes(node, found);
        String objectId = optionalText(node, "object_id", found);
        String orgUnit = optionalText(node, "org_unit", found);
        String processCode = optionalText(node, "process_code", found);

        if (kind != null && action != null && !ActionCatalog.allows(kind, action)) {
            found.add(new Rejection(RejectionReason.UNKNOWN_ACTION, "action",
                    "not an action of kind " + kind + "; expected one of " + ActionCatalog.actionsOf(kind)));
        }
        if (kind != null) {
            checkExtras(node, kind, action, duration, attributes, found);
        }
        if (!found.isEmpty()) {
            return rejected(Rejection.first(found));
        }
        return new Result(WorkEvent.newBuilder()
                .setEventId(eventId)
                .setSourceSystem(source)
                .setKind(kind)
                .setAction(action)
                .setOccurredAt(java.time.Instant.ofEpochMilli(occurredAt))
                .setEmployee(employee)
                .setOrgUnit(orgUnit)
                .setObjectId(objectId)
                .setProcessCode(processCode)
                .setChannel(channel)
                .setLocation(location)
                .setDurationMs(duration)
                .setAttributes(attributes)
                .build(), null);
    }

    /** Kind-specific requirements; a field given with a bad type or value is not also reported missing. */
    private static void checkExtras(JsonNode node, EventKind kind, String action, Long duration,
                                    Map<String, String> attributes, List<Rejection> found) {
        boolean needsObject = kind == EventKind.DOCUMENT || kind == EventKind.MEETING || kind == EventKind.WORKFLOW;
        if (needsObject && absent(node.get("object_id"))) {
            found.add(new Rejection(RejectionReason.MISSING_FIELD, "object_id", "required for " + kind + " events"));
        }
        if (kind == EventKind.MEETING) {
            if (absent(node.get("duration_ms"))) {
                found.add(new Rejection(RejectionReason.MISSING_FIELD, "duration_ms", "required for MEETING events"));
            } else if (duration != null && duration <= 0) {
                found.add(new Rejection(RejectionReason.BAD_VALUE, "duration_ms", "must be greater than 0"));
            }
        }
        if (kind == EventKind.WORKFLOW && ("step_started".equals(action) || "step_completed".equals(action))
                && blank(attributes.get("step"))) {
            found.add(new Rejection(RejectionReason.MISSING_FIELD, "attributes.step",
                    "required on step_started and step_completed"));
        }
        if (kind == EventKind.WORK_MODE) {
            if (absent(node.get("location"))) {
                found.add(new Rejection(RejectionReason.MISSING_FIELD, "location", "required for WORK_MODE events"));
            }
            String date = attributes.get("date");
            if (blank(date)) {
                found.add(new Rejection(RejectionReason.MISSING_FIELD, "attributes.date",
                        "required for WORK_MODE events (YYYY-MM-DD)"));
            } else {
                try {
                    LocalDate.parse(date, DateTimeFormatter.ISO_LOCAL_DATE);
                } catch (DateTimeException e) {
                    found.add(new Rejection(RejectionReason.BAD_VALUE, "attributes.date",
                            "must be a local date YYYY-MM-DD"));
                }
            }
            String hours = attributes.get("hours");
            if (!blank(hours) && !validHours(hours)) {
                found.add(new Rejection(RejectionReason.BAD_VALUE, "attributes.hours",
                        "must be a decimal number of hours from 0 to 24, e.g. 7.75"));
            }
        }
    }

    private static boolean validHours(String hours) {
        if (!hours.matches("\\d{1,2}(\\.\\d{1,2})?")) {
            return false;
        }
        return Double.parseDouble(hours) <= 24.0;
    }

    private static Result rejected(Rejection rejection) {
        return new Result(null, rejection);
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty());
    }

    private static String requiredText(JsonNode node, String field, List<Rejection> found) {
        JsonNode value = node.get(field);
        if (absent(value)) {
            found.add(new Rejection(RejectionReason.MISSING_FIELD, field, "required; absent, null or empty"));
            return null;
        }
        if (!value.isTextual()) {
            found.add(new Rejection(RejectionReason.BAD_TYPE, field, "must be a string"));
            return null;
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field, List<Rejection> found) {
        JsonNode value = node.get(field);
        if (absent(value)) {
            return null;
        }
        if (!value.isTextual()) {
            found.add(new Rejection(RejectionReason.BAD_TYPE, field, "must be a string"));
            return null;
        }
        return value.asText();
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, String field, boolean required,
                                                   Function<String, E> parse, E readerOnly, List<Rejection> found) {
        String text = required ? requiredText(node, field, found) : optionalText(node, field, found);
        if (text == null) {
            return null;
        }
        try {
            E value = parse.apply(text);
            if (value != readerOnly) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the rejection below
        }
        found.add(new Rejection(RejectionReason.BAD_ENUM, field, "not one of the contract's values (upper case)"));
        return null;
    }

    private static Long timestamp(JsonNode node, List<Rejection> found) {
        String text = requiredText(node, "occurred_at", found);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            found.add(new Rejection(RejectionReason.BAD_TIMESTAMP, "occurred_at",
                    "must be ISO-8601 with an offset, e.g. 2026-04-06T09:12:00.000+09:00"));
            return null;
        }
    }

    private static Long optionalLong(JsonNode node, String field, List<Rejection> found) {
        JsonNode value = node.get(field);
        if (absent(value)) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            found.add(new Rejection(RejectionReason.BAD_TYPE, field, "must be a whole number"));
            return null;
        }
        return value.asLong();
    }

    private static Map<String, String> attributes(JsonNode node, List<Rejection> found) {
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode value = node.get("attributes");
        if (value == null || value.isNull()) {
            return attributes;
        }
        if (!value.isObject()) {
            found.add(new Rejection(RejectionReason.BAD_TYPE, "attributes", "must be an object of strings"));
            return attributes;
        }
        value.fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual()) {
                attributes.put(entry.getKey(), entry.getValue().asText());
            } else {
                found.add(new Rejection(RejectionReason.BAD_TYPE, "attributes." + entry.getKey(), "must be a string"));
            }
        });
        return attributes;
    }
}
