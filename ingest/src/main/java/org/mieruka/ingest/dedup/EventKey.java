package org.mieruka.ingest.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The idempotency key (source_system, event_id) as 128 bits of SHA-256 over the raw topic's record
 * key {@code source_system/event_id}. 128 bits, so that two different events colliding — which would
 * silently drop one of them — is not a practical possibility even over billions of events.
 */
public record EventKey(long high, long low) {

    public static EventKey of(String sourceSystem, String eventId) {
        return ofRecordKey(recordKey(sourceSystem, eventId));
    }

    /** The raw topic's record key of an event: source ids never contain '/' (the source registry refuses it). */
    public static byte[] recordKey(String sourceSystem, String eventId) {
        return (sourceSystem + "/" + eventId).getBytes(StandardCharsets.UTF_8);
    }

    public static EventKey ofRecordKey(byte[] recordKey) {
        ByteBuffer digest = ByteBuffer.wrap(SHA256.get().digest(recordKey));
        return new EventKey(digest.getLong(), digest.getLong());
    }

    /** One digest per thread: looking one up costs more than hashing a short key. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });
}
