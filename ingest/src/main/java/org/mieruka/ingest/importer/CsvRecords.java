package org.mieruka.ingest.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits delimited text by RFC 4180: fields may be quoted, a quoted field may hold the delimiter,
 * line breaks and doubled quotes; records end at CRLF, LF or CR. Written here rather than taken
 * from a library because the importers need one thing a library hides: a broken record (a quote
 * never closed, text after a closing quote) is reported with its line and the rest still read.
 */
final class CsvRecords {

    private final String text;
    private final char delimiter;
    private int at;
    private long line = 1;

    private CsvRecords(String text, char delimiter) {
        this.text = text;
        this.delimiter = delimiter;
    }

    static List<CsvRecord> parse(String text, char delimiter) {
        CsvRecords reader = new CsvRecords(text, delimiter);
        List<CsvRecord> records = new ArrayList<>();
        while (reader.at < text.length()) {
            records.add(reader.next());
        }
        return records;
    }

    private CsvRecord next() {
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String broken = null;
        boolean quoted = false;
        boolean afterQuote = false;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (quoted) {
                if (c == '"') {
                    if (at < text.length() && text.charAt(at) == '"') {
                        field.append('"');
                        at++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    countLine(c);
                    field.append(c);
                }
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && at < text.length() && text.charAt(at) == '\n') {
                    at++;
                }
                line++;
                fields.add(field.toString());
                return new CsvRecord(start, fields, broken);
            } else if (c == '"' && field.isEmpty() && !afterQuote) {
                quoted = true;
            } else {
                if (afterQuote && broken == null) {
                    broken = "text after a closing quote (RFC 4180)";
                }
                field.append(c);
            }
        }
        fields.add(field.toString());
        if (quoted) {
            broken = "quoted field not closed before the end of the file (RFC 4180)";
        }
        return new CsvRecord(start, fields, broken);
    }

    private void countLine(char c) {
        if (c == '\n' || (c == '\r' && (at >= text.length() || text.charAt(at) != '\n'))) {
            line++;
        }
    }
}
