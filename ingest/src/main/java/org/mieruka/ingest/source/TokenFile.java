package org.mieruka.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The tokens file on disk: read, written atomically (a temporary file in the same directory, then a
 * move over the old one, so a reader sees the old or the new file, never half of one) and stamped so
 * that a change made by another process is noticed.
 */
final class TokenFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    record Entry(String id, String source, byte[] sha256, Instant createdAt, Instant revokedAt) {
        Entry revoked(Instant at) {
            return revokedAt != null ? this : new Entry(id, source, sha256, createdAt, at);
        }

        TokenInfo info() {
            return new TokenInfo(id, source, HEX.formatHex(sha256).substring(0, 8), createdAt, revokedAt);
        }
    }

    /** What identifies one version of the file: replaced files get a new inode, edited ones a new time or size. */
    record Stamp(Object fileKey, long modifiedNanos, long size) {
        static final Stamp ABSENT = new Stamp(null, -1, -1);
    }

    static final class BrokenFileException extends IOException {
        BrokenFileException(String message) {
            super(message);
        }
    }

    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final Path file;

    TokenFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    Stamp stamp() throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.fileKey(), attributes.lastModifiedTime().toInstant().getEpochSecond()
                    * 1_000_000_000L + attributes.lastModifiedTime().toInstant().getNano(), attributes.size());
        } catch (NoSuchFileException e) {
            return Stamp.ABSENT;
        }
    }

    List<Entry> read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try {
            JsonNode tokens = JSON.readTree(bytes).get("tokens");
            if (tokens == null || !tokens.isArray()) {
                throw new BrokenFileException(file + ": expected {\"tokens\": [...]}");
            }
            for (JsonNode token : tokens) {
                JsonNode revoked = token.get("revoked_at");
                byte[] hash = HEX.parseHex(text(token, "sha256"));
                if (hash.length != 32) {
                    throw new BrokenFileException(file + ": sha256 must be 64 hex digits");
                }
                entries.add(new Entry(text(token, "id"), text(token, "source"), hash,
                        Instant.parse(text(token, "created_at")),
                        revoked == null || revoked.isNull() ? null : Instant.parse(revoked.asText())));
            }
        } catch (IOException | RuntimeException e) {
            // The message names the file and the problem's kind only: the file holds hashes.
            throw e instanceof BrokenFileException b ? b
                    : new BrokenFileException(file + ": not a valid tokens file (" + e.getClass().getSimpleName() + ")");
        }
        return entries;
    }

    void write(List<Entry> entries) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("version", 1);
        ArrayNode tokens = root.putArray("tokens");
        for (Entry entry : entries) {
            ObjectNode node = tokens.addObject().put("id", entry.id()).put("source", entry.source())
                    .put("sha256", HEX.formatHex(entry.sha256())).put("created_at", entry.createdAt().toString());
            node.put("revoked_at", entry.revokedAt() == null ? null : entry.revokedAt().toString());
        }
        Path directory = Objects.requireNonNullElse(file.toAbsolutePath().getParent(), Path.of("."));
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, file.getFileName() + ".", ".tmp");
        try {
            ownerOnly(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root)));
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Held while a writer reads, changes and writes the file. */
    interface WriteLock extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /**
     * Serialises writers in other processes too (the CLI issuing a token while the collector revokes
     * one). A file lock belongs to the whole JVM, so writers inside one JVM queue on a plain lock first.
     */
    WriteLock lock() throws IOException {
        IN_PROCESS.lock();
        try {
            Path lock = file.resolveSibling(file.getFileName() + ".lock");
            Files.createDirectories(Objects.requireNonNullElse(lock.toAbsolutePath().getParent(), Path.of(".")));
            FileChannel channel;
            try {
                channel = FileChannel.open(lock, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                ownerOnly(lock);
            } catch (FileAlreadyExistsException e) {
                channel = FileChannel.open(lock, StandardOpenOption.WRITE);
            }
            channel.lock();
            FileChannel held = channel;
            return () -> {
                try {
                    held.close();
                } finally {
                    IN_PROCESS.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            IN_PROCESS.unlock();
            throw e;
        }
    }

    private static void ownerOnly(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the directory's own protection applies.
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.asText();
    }
}
