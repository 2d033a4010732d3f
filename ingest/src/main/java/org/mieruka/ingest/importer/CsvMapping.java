package org.mieruka.ingest.importer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The mapping file of the generic CSV importer (docs/importers.md lists every key): how to decode
 * and split the file, and where each event field comes from, a column ({@code column.<field>}) or
 * a constant ({@code <field>}). Read once; every problem in it is reported at once.
 */
final class CsvMapping {

    /** Fields that may come from a column or a constant. */
    static final List<String> FIELDS = List.of("kind", "action", "employee", "occurred_at", "object_id",
            "process_code", "org_unit", "channel", "location");
    private static final Set<String> PLAIN_KEYS = Set.of("encoding", "delimiter", "header", "occurred_at.format");

    final String encoding;
    final char delimiter;
    final boolean header;
    final ExportTime time;
    final Map<String, String> constants = new LinkedHashMap<>();
    final Map<String, String> columns = new LinkedHashMap<>();
    final Map<String, String> attributes = new LinkedHashMap<>();
    final Map<String, String> actionMap = new LinkedHashMap<>();

    private CsvMapping(Properties keys, List<String> problems) {
        encoding = keys.getProperty("encoding", "auto").strip();
        String delimiterText = keys.getProperty("delimiter", ",");
        delimiter = delimiterText.equals("tab") || delimiterText.equals("\\t") ? '\t'
                : delimiterText.isEmpty() ? ',' : delimiterText.charAt(0);
        if (delimiterText.length() > 1 && delimiter != '\t') {
            problems.add("delimiter: one character, or tab");
        }
        String headerText = keys.getProperty("header", "true").strip();
        header = !headerText.equalsIgnoreCase("false");
        if (!headerText.equalsIgnoreCase("true") && header) {
            problems.add("header: true or false");
        }
        String format = keys.getProperty("occurred_at.format");
        ExportTime chosen = ExportTime.ISO;
        if (format != null) {
            try {
                chosen = ExportTime.pattern(format.strip());
            } catch (IllegalArgumentException e) {
                problems.add("occurred_at.format: not a java.time DateTimeFormatter pattern");
            }
        }
        time = chosen;
        for (String key : keys.stringPropertyNames()) {
            String value = keys.getProperty(key).strip();
            if (key.startsWith("column.") && FIELDS.contains(key.substring(7))) {
                columns.put(key.substring(7), value);
            } else if (FIELDS.contains(key) && !key.equals("employee") && !key.equals("occurred_at")) {
                constants.put(key, value);
            } else if (key.startsWith("attribute.") && key.length() > 10) {
                attributes.put(key.substring(10), value);
            } else if (key.startsWith("action.map.") && key.length() > 11) {
                actionMap.put(key.substring(11), value);
            } else if (!PLAIN_KEYS.contains(key)) {
                problems.add(key + ": not a mapping key");
            }
        }
        for (String field : List.of("employee", "occurred_at", "kind", "action")) {
            boolean constant = constants.containsKey(field);
            if (!columns.containsKey(field) && !constant) {
                problems.add(field.equals("employee") || field.equals("occurred_at")
                        ? "column." + field + ": required"
                        : field + " or column." + field + ": one is required");
            } else if (columns.containsKey(field) && constant) {
                problems.add(field + " and column." + field + ": give only one");
            }
        }
    }

    static CsvMapping load(Path file) throws IOException, ImportException {
        if (file == null) {
            throw new ImportException("the csv format needs a mapping file (ImportSettings.mappingFile)");
        }
        Properties keys = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            keys.load(in);
        }
        List<String> problems = new ArrayList<>();
        CsvMapping mapping = new CsvMapping(keys, problems);
        if (!problems.isEmpty()) {
            throw new ImportException("mapping file: " + String.join("; ", problems.stream().sorted().toList()));
        }
        return mapping;
    }

    /** Column name (with a header) or 1-based number (without) of every mapped column. */
    List<String> mappedColumns() {
        List<String> all = new ArrayList<>(columns.values());
        all.addAll(attributes.values());
        return all;
    }
}
