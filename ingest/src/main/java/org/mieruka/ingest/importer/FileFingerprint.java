package org.mieruka.ingest.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Event ids derived from the file's content and the record's position, so that a re-import of the
 * same file emits the same ids and the collector's idempotency key drops the repeats. The id holds
 * no value from the record, hence no personal data.
 */
final class FileFingerprint {

    private final String prefix;

    private FileFingerprint(String prefix) {
        this.prefix = prefix;
    }

    /** Reads the file once more, in blocks, so that a large log is never held whole for its hash. */
    static FileFingerprint of(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] block = new byte[1 << 16];
            for (int n = in.read(block); n >= 0; n = in.read(block)) {
                digest.update(block, 0, n);
            }
        }
        return new FileFingerprint(HexFormat.of().formatHex(digest.digest()).substring(0, 16));
    }

    static FileFingerprint of(byte[] content) {
        return new FileFingerprint(sha256Hex(content).substring(0, 16));
    }

    /** {@code <first 16 hex of SHA-256 of the file>-<position>}. */
    String eventId(long position) {
        return prefix + "-" + position;
    }

    /** For events the importer adds beside a record's own, e.g. {@code -open}, {@code -close}. */
    String eventId(long position, String suffix) {
        return eventId(position) + "-" + suffix;
    }

    static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
