package org.mieruka.store.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One versioned DDL script. Statements are separated by a line ending in {@code ;}. Every statement
 * must be idempotent ({@code IF NOT EXISTS}), so a migration interrupted half-way can simply run again.
 */
public record Migration(int version, String name, String script) {

    public List<String> statements() {
        return Arrays.stream(script.split(";\\s*(\\n|$)"))
                .map(s -> s.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public String checksum() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
