package org.mieruka.schemas.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.mieruka.schemas.json.RejectionReason;

/**
 * A record of something the pipeline refused, for the dead-letter topic. The original payload is
 * kept so that it can be corrected and replayed, except for privacy reasons (MY_NUMBER,
 * PERSONAL_DATA), where it is withheld.
 *
 * @param source  the source system, or the stage that refused it
 * @param stage   which stage refused it (ingest, streams, sink)
 * @param reason  the reason code
 * @param field   the field concerned, or empty
 * @param message human explanation naming the rule (never the value)
 * @param payload the original payload, or null when withheld
 * @param at      when it was refused
 */
public record DeadLetter(String source, String stage, RejectionReason reason, String field, String message,
                         String payload, Instant at) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public DeadLetter {
        if (reason == RejectionReason.MY_NUMBER || reason == RejectionReason.PERSONAL_DATA) {
            payload = null;
        }
    }

    public byte[] toJsonBytes() {
        ObjectNode node = JSON.createObjectNode()
                .put("source", source)
                .put("stage", stage)
                .put("reason", reason.name())
                .put("field", field)
                .put("message", message)
                .put("payload", payload)
                .put("at", at.toString());
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static DeadLetter of(String source, String stage, RejectionReason reason, String field, String message,
                                byte[] payload) {
        return new DeadLetter(source, stage, reason, field, message,
                payload == null ? null : java.util.Base64.getEncoder().encodeToString(payload), Instant.now());
    }
}
