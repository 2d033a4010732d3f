package org.mieruka.ingest.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A header row of an export whose column names are fixed by the exporting system, matched ignoring case. */
final class CsvHeader {

    private final List<String> names;
    private final List<String> missing = new ArrayList<>();

    CsvHeader(CsvRecord row) {
        this.names = row.fields().stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** The column's index under any of its names; a required column not found is remembered. */
    int column(boolean required, String... aliases) {
        for (String alias : aliases) {
            int at = names.indexOf(alias.toLowerCase(Locale.ROOT));
            if (at >= 0) {
                return at;
            }
        }
        if (required) {
            missing.add(aliases[0]);
        }
        return -1;
    }

    /** Fails the import, naming every required column the header lacks. */
    void requireAll(String export) throws ImportException {
        if (!missing.isEmpty()) {
            throw new ImportException(export + ": header lacks the columns " + String.join(", ", missing));
        }
    }

    int width() {
        return names.size();
    }
}
