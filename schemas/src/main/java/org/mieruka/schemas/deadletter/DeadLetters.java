package org.mieruka.schemas.deadletter;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Locale;

/**
 * Builds {@link DeadLetter} records so that no stage can forget the privacy rule: the payload of a
 * record refused for MY_NUMBER or PERSONAL_DATA is withheld, whatever the caller passes.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * A dead letter for something refused before it reached Kafka.
     *
     * @param source  the source_system, or null when not known (the stage's name is used)
     * @param field   the field the rule concerns, or null/empty
     * @param message the rule, in words; never the refused value
     * @param payload the original bytes, or null
     */
    public static DeadLetter of(String source, Stage stage, RejectionReason reason, String field, String message,
                                byte[] payload, Instant at) {
        boolean withheld = withholds(reason) && payload != null;
        return DeadLetter.newBuilder()
                .setSource(source == null || source.isEmpty() ? stage.name().toLowerCase(Locale.ROOT) : source)
                .setStage(stage)
                .setReason(reason)
                .setField(field == null || field.isEmpty() ? null : field)
                .setMessage(message)
                .setPayload(payload == null || withheld ? null : ByteBuffer.wrap(payload))
                .setPayloadWithheld(withheld)
                .setRejectedAt(at)
                .build();
    }

    /** The same, for a record read from Kafka: where it was read from is kept for replay. */
    public static DeadLetter ofRecord(String source, Stage stage, RejectionReason reason, String field,
                                      String message, byte[] payload, Instant at,
                                      String topic, int partition, long offset) {
        DeadLetter letter = of(source, stage, reason, field, message, payload, at);
        letter.setOriginTopic(topic);
        letter.setOriginPartition(partition);
        letter.setOriginOffset(offset);
        return letter;
    }

    /** Privacy reasons: the payload carries what must never be stored. */
    public static boolean withholds(RejectionReason reason) {
        return reason == RejectionReason.MY_NUMBER || reason == RejectionReason.PERSONAL_DATA;
    }
}
