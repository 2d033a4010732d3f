package org.mieruka.ingest.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An identity map kept as a CSV file, {@code source_user_id,employee} per line, as a directory export
 * usually is: an optional header line of exactly those names, blank lines and {@code #} comments
 * ignored, a leading BOM (spreadsheet exports) ignored. No quoting: neither kind of id contains a comma.
 * Problems give the line number only, since every field on a line is personal data.
 */
final class IdentityMapCsv {

    static final String HEADER = "source_user_id,employee";

    private IdentityMapCsv() {
    }

    static Map<String, String> read(Path csv, List<String> problems) {
        Map<String, String> map = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(csv + ": cannot be read as a UTF-8 CSV file");
            return map;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).trim();
            }
            if (line.isEmpty() || line.startsWith("#") || (map.isEmpty() && line.replace(" ", "").equals(HEADER))) {
                continue;
            }
            String[] fields = line.split(",", -1);
            int number = i + 1;
            if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
                problems.add(csv.getFileName() + " line " + number + ": expected source_user_id,employee");
            } else if (map.putIfAbsent(fields[0].trim(), fields[1].trim()) != null) {
                problems.add(csv.getFileName() + " line " + number + ": source_user_id listed twice");
            }
        }
        return map;
    }
}
