package org.mieruka.simulate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Writes the municipality's reference data as JSON lines, one file per record type. */
public final class ReferenceDataWriter {

    public static final String ORG_UNITS = "org-units.jsonl";
    public static final String PROCESSES = "processes.jsonl";
    public static final String DIRECTORY = "directory.jsonl";
    public static final String CALENDAR = "calendar.jsonl";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ReferenceDataWriter() {
    }

    /** Writes the four files into {@code directory}, creating it if needed; returns their paths. */
    public static List<Path> write(Municipality city, Path directory) throws IOException {
        Files.createDirectories(directory);
        return List.of(
                writeLines(city.orgChart().orgUnits(), directory.resolve(ORG_UNITS)),
                writeLines(city.catalog().definitions(), directory.resolve(PROCESSES)),
                writeLines(city.directory(), directory.resolve(DIRECTORY)),
                writeLines(city.calendarDays(), directory.resolve(CALENDAR)));
    }

    static Path writeLines(List<? extends SpecificRecord> records, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            // One object per line, '\n' whatever the platform, so files compare byte for byte.
            json.setRootValueSeparator(null);
            for (SpecificRecord record : records) {
                RecordJson.write(record, json);
                json.writeRaw('\n');
            }
        }
        return file;
    }
}
