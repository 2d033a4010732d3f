package org.mieruka.ingest.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.mieruka.schemas.config.InvalidConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API tokens of the sources. A token is {@code mrk_} and 32 random bytes in unpadded base64url; only
 * the SHA-256 of the whole token string is stored (hex), in a JSON file that the CLI and the collector
 * share. The collector notices a change of the file within {@link #DEFAULT_RELOAD_CHECK}, so a revoked
 * token stops working within about a second without a restart. Thread safe.
 *
 * <p>An unsalted hash is enough here: a token has 256 random bits, so there is no dictionary to try.
 */
public final class TokenStore {

    /** Setting that names the tokens file (to be declared in IngestConfig). */
    public static final String TOKENS_FILE_SETTING = "ingest.tokens-file";
    public static final String DEFAULT_TOKENS_FILE = "var/ingest/tokens.json";
    public static final Duration DEFAULT_RELOAD_CHECK = Duration.ofSeconds(1);
    static final String PREFIX = "mrk_";

    private static final Logger LOG = LoggerFactory.getLogger(TokenStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenFile file;
    private final Clock clock;
    private final long reloadCheckNanos;
    private volatile Snapshot snapshot;
    private volatile long checkedAt;

    private record Snapshot(List<TokenFile.Entry> entries, TokenFile.Stamp stamp) {
    }

    public TokenStore(Path file) {
        this(file, Clock.systemUTC(), DEFAULT_RELOAD_CHECK);
    }

    /** @throws InvalidConfigException when the file exists but cannot be read as a tokens file */
    public TokenStore(Path file, Clock clock, Duration reloadCheck) {
        this.file = new TokenFile(file);
        this.clock = clock;
        this.reloadCheckNanos = reloadCheck.toNanos();
        try {
            this.snapshot = load();
        } catch (IOException e) {
            throw new InvalidConfigException("tokens", List.of(e.getMessage()));
        }
        this.checkedAt = System.nanoTime();
    }

    /** Issues a token for {@code source}; the returned secret is not kept anywhere. */
    public IssuedToken create(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a token needs a source");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        byte[] idBytes = new byte[6];
        RANDOM.nextBytes(idBytes);
        String id = "tok_" + HexFormat.of().formatHex(idBytes);
        update(entries -> entries.add(new TokenFile.Entry(id, source, sha256(token), clock.instant(), null)));
        return new IssuedToken(id, source, token);
    }

    public List<TokenInfo> list() {
        refreshIfDue();
        return snapshot.entries().stream().map(TokenFile.Entry::info).toList();
    }

    /** Revokes the token {@code id}; false when there is no such token. Revoking twice keeps the first time. */
    public boolean revoke(String id) {
        boolean[] found = {false};
        Instant now = clock.instant();
        update(entries -> entries.replaceAll(entry -> {
            if (!entry.id().equals(id)) {
                return entry;
            }
            found[0] = true;
            return entry.revoked(now);
        }));
        return found[0];
    }

    /** What a presented token is: valid for a source, revoked, or unknown. */
    public enum TokenStatus { VALID, REVOKED, UNKNOWN }

    /** The status of a token and, when valid, its source. */
    public record TokenCheck(TokenStatus status, String source) {
    }

    /** The source a valid, unrevoked token belongs to. */
    public Optional<String> authenticate(String token) {
        TokenCheck check = check(token);
        return check.status() == TokenStatus.VALID ? Optional.of(check.source()) : Optional.empty();
    }

    /** Whether the token is valid, revoked or unknown, so the collector can say which. */
    public TokenCheck check(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return new TokenCheck(TokenStatus.UNKNOWN, null);
        }
        refreshIfDue();
        byte[] presented = sha256(token);
        TokenCheck found = new TokenCheck(TokenStatus.UNKNOWN, null);
        // Every entry is compared, in constant time each, so timing says nothing about which matched.
        for (TokenFile.Entry entry : snapshot.entries()) {
            if (MessageDigest.isEqual(presented, entry.sha256())) {
                found = entry.revokedAt() == null ? new TokenCheck(TokenStatus.VALID, entry.source())
                        : new TokenCheck(TokenStatus.REVOKED, null);
            }
        }
        return found;
    }

    private interface Change {
        void apply(List<TokenFile.Entry> entries);
    }

    private synchronized void update(Change change) {
        try (TokenFile.WriteLock lock = file.lock()) {
            // Re-read under the lock: another process may have written since our last look.
            List<TokenFile.Entry> entries = new ArrayList<>(file.read());
            change.apply(entries);
            file.write(entries);
            snapshot = new Snapshot(List.copyOf(entries), file.stamp());
            checkedAt = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException("tokens file " + file.path() + " could not be updated", e);
        }
    }

    private void refreshIfDue() {
        long now = System.nanoTime();
        if (now - checkedAt < reloadCheckNanos) {
            return;
        }
        synchronized (this) {
            if (System.nanoTime() - checkedAt < reloadCheckNanos) {
                return;
            }
            try {
                if (!file.stamp().equals(snapshot.stamp())) {
                    snapshot = load();
                    LOG.info("tokens file {} reloaded: {} tokens", file.path(), snapshot.entries().size());
                }
            } catch (IOException e) {
                // Keep the tokens last read rather than lock every source out; say so loudly.
                LOG.error("tokens file {} could not be reloaded; keeping the previous tokens: {}", file.path(),
                        e.getMessage());
            }
            checkedAt = System.nanoTime();
        }
    }

    private Snapshot load() throws IOException {
        // Stamp first: a change racing this read is then seen again at the next check.
        TokenFile.Stamp stamp = file.stamp();
        return new Snapshot(List.copyOf(file.read()), stamp);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
