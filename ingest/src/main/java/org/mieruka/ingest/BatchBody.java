package org.mieruka.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.json.Rejection;
import org.mieruka.schemas.json.WorkEventJsonWriter;
import org.mieruka.schemas.serde.EventDecodingException;
import org.mieruka.schemas.serde.SingleObjectSerde;
import org.mieruka.schemas.serde.Serdes;

/**
 * Splits a request body into its events, by content type:
 * <ul>
 *   <li>{@code application/json}: a JSON array of events (or one event object);</li>
 *   <li>{@code application/x-ndjson} (or {@code application/ndjson}): one JSON event per line;</li>
 *   <li>{@value #AVRO}: Avro single-object records, each preceded by its length in bytes as an
 *       Avro varint (zig-zag long), since single-object records do not delimit themselves.</li>
 * </ul>
 * An item that cannot be read becomes a refusal at its index, not a failure of the batch; only a
 * body whose framing is broken (a JSON array that does not parse, an Avro length past the end) is
 * refused whole.
 */
final class BatchBody {

    static final String AVRO = "application/vnd.mieruka.work-event+avro";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SingleObjectSerde<WorkEvent> SERDE = Serdes.workEvent();
    private static final WorkEventJsonWriter WRITER = new WorkEventJsonWriter(ZoneOffset.UTC);

    /** One item of a batch: the event in the JSON form, or why it could not be read. */
    record Item(JsonNode event, Rejection refusal, byte[] raw) {
    }

    /** The whole body is unusable. */
    static final class MalformedBodyException extends Exception {
        MalformedBodyException(String message) {
            super(message);
        }
    }

    /** A content type the collector does not read. */
    static final class UnsupportedTypeException extends Exception {
        UnsupportedTypeException(String message) {
            super(message);
        }
    }

    private BatchBody() {
    }

    static List<Item> split(byte[] body, String contentType) throws MalformedBodyException, UnsupportedTypeException {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return switch (type) {
            case "application/json" -> jsonArray(body);
            case "application/x-ndjson", "application/ndjson" -> ndjson(body);
            case AVRO -> avro(body);
            default -> throw new UnsupportedTypeException("Content-Type must be application/json, "
                    + "application/x-ndjson or " + AVRO + (type.isEmpty() ? "" : ", not " + type));
        };
    }

    private static List<Item> jsonArray(byte[] body) throws MalformedBodyException {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException("body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
        List<Item> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(node -> items.add(new Item(node, null, bytes(node))));
        } else {
            items.add(new Item(root, null, bytes(root)));
        }
        return items;
    }

    private static List<Item> ndjson(byte[] body) {
        List<Item> items = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) { // split on \n by hand: a regex split costs more than the parse
            if (i < body.length && body[i] != '\n') {
                continue;
            }
            int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
            if (end > start && !isBlank(body, start, end)) {
                byte[] raw = Arrays.copyOfRange(body, start, end);
                try {
                    items.add(new Item(JSON.readTree(raw), null, raw));
                } catch (java.io.IOException e) {
                    items.add(new Item(null, new Rejection(RejectionReason.MALFORMED, "", "line is not JSON"), raw));
                }
            }
            start = i + 1;
        }
        return items;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static List<Item> avro(byte[] body) throws MalformedBodyException {
        List<Item> items = new ArrayList<>();
        int position = 0;
        while (position < body.length) {
            long length = 0;
            int shift = 0;
            int start = position;
            while (true) {
                if (position >= body.length || shift > 63) {
                    throw new MalformedBodyException("record " + items.size() + ": length cut off at byte " + start);
                }
                int b = body[position++];
                length |= (long) (b & 0x7F) << shift;
                shift += 7;
                if (b >= 0) {
                    break;
                }
            }
            length = (length >>> 1) ^ -(length & 1);
            if (length < 0 || length > body.length - position) {
                throw new MalformedBodyException("record " + items.size() + " is truncated: its length says "
                        + length + " bytes, " + (body.length - position) + " are left");
            }
            byte[] raw = Arrays.copyOfRange(body, position, position + (int) length);
            position += (int) length;
            try {
                items.add(new Item(WRITER.toNode(SERDE.decode(raw)), null, raw));
            } catch (EventDecodingException e) {
                items.add(new Item(null, new Rejection(RejectionReason.MALFORMED, "",
                        "not a WorkEvent of a released schema (" + e.problem() + ")"), raw));
            }
        }
        return items;
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
