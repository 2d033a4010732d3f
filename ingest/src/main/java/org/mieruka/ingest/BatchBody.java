package org.mieruka.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request body into its events: a JSON array of objects, or NDJSON (one object per line).
 * A line that is not JSON becomes a {@code null} item so that it is rejected by index, not the batch.
 */
final class BatchBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The whole body is unusable (e.g. a JSON array that does not parse). */
    static final class MalformedBodyException extends Exception {
        MalformedBodyException(String message) {
            super(message);
        }
    }

    private BatchBody() {
    }

    static List<JsonNode> split(byte[] body, String contentType) throws MalformedBodyException {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return List.of();
        }
        boolean ndjson = contentType != null && contentType.toLowerCase().contains("ndjson");
        if (!ndjson && text.startsWith("[")) {
            try {
                JsonNode array = JSON.readTree(text);
                List<JsonNode> items = new ArrayList<>(array.size());
                array.forEach(items::add);
                return items;
            } catch (JsonProcessingException e) {
                throw new MalformedBodyException("body is not a valid JSON array (line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
            }
        }
        List<JsonNode> items = new ArrayList<>();
        for (String line : text.split("\\r?\\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                items.add(JSON.readTree(line));
            } catch (JsonProcessingException e) {
                items.add(null);
            }
        }
        return items;
    }
}
