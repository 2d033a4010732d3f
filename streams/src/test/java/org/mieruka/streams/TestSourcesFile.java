package org.mieruka.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sources files for tests that build a {@link StreamsAppConfig} (docs/sources.md). */
public final class TestSourcesFile {

    /** Registers docs-m365 (allowed: app), approval-sys and zoom (none). */
    public static final String DEFAULT = "{\"sources\":{\"docs-m365\":{\"allowed_attributes\":[\"app\"]},"
            + "\"approval-sys\":{},\"zoom\":{}}}";

    private TestSourcesFile() {
    }

    /** {@code json} in a temporary file, deleted when the JVM exits. */
    public static Path write(String json) {
        try {
            Path file = Files.createTempFile("sources", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, json, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #DEFAULT} in a temporary file, as the value of {@link StreamsAppConfig#SOURCES_FILE}. */
    public static String standard() {
        return write(DEFAULT).toString();
    }
}
