package org.mieruka.schemas.evolution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Every released version of a record's schema, read from the classpath. Versions are numbered from
 * 1 without gaps; the history ends at the first missing number. Releasing a schema change means
 * adding the next {@code v<N>.avsc}, identical to the current {@code src/main/avro} file.
 */
public final class SchemaHistory {

    static final String ROOT = "org/mieruka/schemas/history/";

    private SchemaHistory() {
    }

    /** The released versions of the record {@code fullName}, oldest first; empty when none was released. */
    public static List<ReleasedSchema> of(String fullName) {
        List<ReleasedSchema> versions = new ArrayList<>();
        ClassLoader loader = SchemaHistory.class.getClassLoader();
        for (int version = 1; ; version++) {
            String resource = ROOT + fullName + "/v" + version + ".avsc";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    return List.copyOf(versions);
                }
                // A fresh parser per file: versions redefine the same named types.
                versions.add(new ReleasedSchema(fullName, version, new Schema.Parser().parse(in)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            } catch (SchemaParseException e) {
                throw new IllegalStateException("released schema " + resource + " does not parse: " + e.getMessage(), e);
            }
        }
    }

    public static List<ReleasedSchema> of(Schema current) {
        return of(current.getFullName());
    }
}
