package org.mieruka.schemas.evolution;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * One released version of a record schema, as kept in the repository under
 * {@code org/mieruka/schemas/history/<full name>/v<version>.avsc}.
 */
public record ReleasedSchema(String fullName, int version, Schema schema) {

    /** The CRC-64-AVRO fingerprint that single-object encoding puts in the header. */
    public long fingerprint() {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    @Override
    public String toString() {
        return schema.getName() + " v" + version;
    }
}
