package org.mieruka.simulate.truth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The truth file the simulator writes beside its events: the {@link TruthReport} as indented JSON,
 * dates as {@code YYYY-MM-DD}, in a fixed field and row order so that the same events give the same
 * bytes.
 */
public final class TruthFile {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private TruthFile() {
    }

    public static void write(TruthReport report, Path file) throws IOException {
        Files.write(file, toBytes(report));
    }

    public static byte[] toBytes(TruthReport report) throws IOException {
        return JSON.writeValueAsBytes(report);
    }

    public static TruthReport read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), TruthReport.class);
    }
}
