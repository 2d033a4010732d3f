package org.mieruka.ingest.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Generic delimited exports (e-approval, document management) described by a mapping file
 * ({@link CsvMapping}). One event per data row; the event id is {@code <hash>-<line>} where line
 * is the row's first line in the file. Values are passed on as written except where the mapping
 * says otherwise ({@code action.map.*}, {@code occurred_at.format}); checking them is the
 * collector's job.
 */
public final class CsvImporter implements Importer {

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public ImportSummary read(Path file, ImportSettings settings, Consumer<ImportedRecord> out)
            throws IOException, ImportException {
        CsvMapping mapping = CsvMapping.load(settings.mappingFile());
        byte[] bytes = Files.readAllBytes(file);
        FileFingerprint ids = FileFingerprint.of(bytes);
        List<CsvRecord> records = new ArrayList<>(CsvRecords.parse(ExportedText.decode(bytes, mapping.encoding),
                mapping.delimiter));
        Map<String, Integer> index = columnIndex(mapping, records);
        ImportRun run = new ImportRun();
        int width = mapping.header ? records.get(0).fields().size() : -1;
        for (CsvRecord row : mapping.header ? records.subList(1, records.size()) : records) {
            if (row.blank()) {
                continue;
            }
            Optional<String> rule = Optional.ofNullable(row.broken());
            if (rule.isEmpty() && width >= 0 && row.fields().size() != width) {
                rule = Optional.of("row has " + row.fields().size() + " fields, the header has " + width);
            }
            if (rule.isPresent()) {
                run.refuse(row.line(), rule.get());
                continue;
            }
            event(row, mapping, index, settings, ids, run);
        }
        return run.finish(out);
    }

    private static void event(CsvRecord row, CsvMapping mapping, Map<String, Integer> index, ImportSettings settings,
                              FileFingerprint ids, ImportRun run) {
        Map<String, String> value = new HashMap<>(mapping.constants);
        mapping.columns.forEach((field, column) -> value.put(field, row.field(index.get(column))));
        String timeText = value.get("occurred_at");
        Optional<OffsetDateTime> at = ExportTime.either(mapping.time, ExportTime.ISO).parse(timeText, settings.zone());
        if (timeText.isEmpty() || at.isEmpty()) {
            run.refuse(row.line(), "column " + mapping.columns.get("occurred_at")
                    + " is not a date-time in occurred_at.format");
            return;
        }
        String action = value.get("action");
        if (mapping.columns.containsKey("action") && !mapping.actionMap.isEmpty()) {
            action = mapping.actionMap.get(action);
            if (action == null) {
                run.refuse(row.line(), "column " + mapping.columns.get("action") + " has a value not in action.map");
                return;
            }
        }
        String employee = value.get("employee").isEmpty() ? settings.defaultEmployee() : value.get("employee");
        EventNode node = new EventNode(ids.eventId(row.line()), settings.sourceSystem(), value.get("kind"), action,
                at.get(), employee)
                .put("org_unit", value.get("org_unit"))
                .put("object_id", value.get("object_id"))
                .put("process_code", value.getOrDefault("process_code", settings.defaultProcessCode()))
                .put("channel", value.get("channel"))
                .put("location", value.get("location"));
        mapping.attributes.forEach((name, column) -> node.attribute(name, row.field(index.get(column))));
        run.event(row.line(), node);
    }

    /** Where each mapped column is; a mapped column the file lacks fails the whole import. */
    private static Map<String, Integer> columnIndex(CsvMapping mapping, List<CsvRecord> records)
            throws ImportException {
        Map<String, Integer> index = new HashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> header = mapping.header && !records.isEmpty()
                ? records.get(0).fields().stream().map(String::strip).toList() : List.of();
        if (mapping.header && records.isEmpty()) {
            throw new ImportException("the file is empty: no header row");
        }
        for (String column : mapping.mappedColumns()) {
            int at = mapping.header ? header.indexOf(column) : number(column);
            if (at < 0) {
                missing.add(column);
            } else {
                index.put(column, at);
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportException("mapped columns not in the file's header: " + String.join(", ", missing));
        }
        return index;
    }

    private static int number(String column) {
        try {
            return Integer.parseInt(column) - 1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
