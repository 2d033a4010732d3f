package org.mieruka.ingest.source;

import java.time.Instant;

/**
 * What may be shown about a token: never the token, and of its hash only the first eight hex digits,
 * enough to match a listing against the file but useless to an attacker.
 *
 * @param revokedAt null while the token is valid
 */
public record TokenInfo(String id, String source, String hashPrefix, Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
