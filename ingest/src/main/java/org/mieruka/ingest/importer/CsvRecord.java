package org.mieruka.ingest.importer;

import java.util.List;

/**
 * One record of a delimited text file: the line it starts on (1-based; a quoted newline makes a
 * record span lines), its fields, and the rule it breaks when it could not be split.
 */
record CsvRecord(long line, List<String> fields, String broken) {

    boolean blank() {
        return broken == null && fields.size() == 1 && fields.get(0).isBlank();
    }

    String field(int index) {
        return index < fields.size() ? fields.get(index).strip() : "";
    }
}
