package org.mieruka.streams.privacy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.KeyValue;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.reference.PseudonymousDirectoryEntry;
import org.mieruka.schemas.serde.EventDecodingException;
import org.mieruka.schemas.serde.SingleObjectSerde;
import org.mieruka.schemas.serde.Serdes;

/**
 * The directory as the stream processors may join it: each row's staff id replaced by the pseudonym
 * its events get, and its key {@code employee/valid_from} by {@code pseudonym/valid_from}; a
 * tombstone stays a tombstone under the new key. Staff ids never contain '/', so the key splits
 * at the last one.
 */
final class DirectoryPseudonymiser {

    private final PseudonymKeys keys;
    private final SingleObjectSerde<DirectoryEntry> serde = Serdes.directoryEntry();

    DirectoryPseudonymiser(PseudonymKeys keys) {
        this.keys = keys;
    }

    /** The pseudonymous key and row; null when the record cannot be read (counted by the caller). */
    KeyValue<String, PseudonymousDirectoryEntry> apply(byte[] key, byte[] value) {
        if (value == null) {
            if (key == null) {
                return null;
            }
            String text = new String(key, StandardCharsets.UTF_8);
            int slash = text.lastIndexOf('/');
            if (slash <= 0) {
                return null;
            }
            return KeyValue.pair(keys.pseudonym(text.substring(0, slash)) + text.substring(slash), null);
        }
        DirectoryEntry row;
        try {
            row = serde.decode(value);
        } catch (EventDecodingException e) {
            return null;
        }
        String pseudonym = keys.pseudonym(row.getEmployee());
        PseudonymousDirectoryEntry out = PseudonymousDirectoryEntry.newBuilder()
                .setEmployeePseudonym(pseudonym).setPseudonymKey(keys.activeId()).setOrgUnit(row.getOrgUnit())
                .setJobClass(row.getJobClass()).setDutyType(row.getDutyType()).setFte(row.getFte())
                .setValidFrom(row.getValidFrom()).build();
        return KeyValue.pair(pseudonym + "/" + row.getValidFrom(), out);
    }
}
