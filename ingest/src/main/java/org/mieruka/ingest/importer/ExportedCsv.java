package org.mieruka.ingest.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV export with a header row, as the audit-log and work-mode importers read it: the file's
 * fingerprint (for event ids), its records in any of the usual encodings, and its header.
 */
record ExportedCsv(FileFingerprint ids, List<CsvRecord> records, CsvHeader header) {

    /** @param what the export's name, for the message when the file has no header row */
    static ExportedCsv open(Path file, char delimiter, String what) throws IOException, ImportException {
        byte[] bytes = Files.readAllBytes(file);
        List<CsvRecord> records = CsvRecords.parse(ExportedText.decode(bytes, "auto"), delimiter);
        if (records.isEmpty()) {
            throw new ImportException(what + ": the file is empty, no header row");
        }
        return new ExportedCsv(FileFingerprint.of(bytes), records, new CsvHeader(records.get(0)));
    }

    /** The records after the header. */
    List<CsvRecord> rows() {
        return records.subList(1, records.size());
    }
}
