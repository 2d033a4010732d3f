package org.mieruka.ingest.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.json.Rejection;

/**
 * One outcome of an import: an event in the JSON form, or the refusal of the source record at
 * {@code position} (line number for text files, event number for XES). Exactly one of
 * {@code event} and {@code refusal} is set. A refusal's message names the rule, never the values.
 */
public record ImportedRecord(long position, ObjectNode event, Rejection refusal) {

    public ImportedRecord {
        if ((event == null) == (refusal == null)) {
            throw new IllegalArgumentException("exactly one of event and refusal");
        }
    }

    static ImportedRecord refused(long position, String rule) {
        return new ImportedRecord(position, null, new Rejection(RejectionReason.MALFORMED, "", Objects.requireNonNull(rule)));
    }

    public boolean refused() {
        return refusal != null;
    }
}
