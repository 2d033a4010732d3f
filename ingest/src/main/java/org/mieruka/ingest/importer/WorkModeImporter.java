package org.mieruka.ingest.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The post-hoc telework report form's CSV (UTF-8 or Shift_JIS): one {@code WORK_MODE/reported}
 * per row, at the report's own time, with the worked day and place. Ids: {@code <hash>-<line>}.
 */
public final class WorkModeImporter implements Importer {

    private static final ExportTime REPORTED = ExportTime.either(ExportTime.ISO,
            ExportTime.either(ExportTime.pattern("yyyy/M/d H:mm[:ss]"), ExportTime.pattern("yyyy-M-d H:mm[:ss]")));

    @Override
    public String format() {
        return "workmode";
    }

    @Override
    public ImportSummary read(Path file, ImportSettings settings, Consumer<ImportedRecord> out)
            throws IOException, ImportException {
        ExportedCsv csv = ExportedCsv.open(file, ',', "work-mode report");
        FileFingerprint ids = csv.ids();
        CsvHeader header = csv.header();
        int employee = header.column(true, "職員番号", "employee");
        int day = header.column(true, "勤務日", "date");
        int place = header.column(true, "勤務場所", "location");
        int hours = header.column(false, "勤務時間", "hours");
        int reported = header.column(true, "報告日時", "reported_at");
        header.requireAll("work-mode report");
        ImportRun run = new ImportRun();
        for (CsvRecord row : csv.rows()) {
            if (row.blank()) {
                continue;
            }
            Optional<String> date = WorkModeReport.date(row.field(day));
            Optional<String> location = WorkModeReport.location(row.field(place));
            Optional<String> hoursText = hours < 0 ? Optional.of("") : WorkModeReport.hours(row.field(hours));
            Optional<OffsetDateTime> at = REPORTED.parse(row.field(reported), settings.zone());
            String rule = row.broken() != null ? row.broken()
                    : row.fields().size() != header.width() ? "row has " + row.fields().size()
                            + " fields, the header has " + header.width()
                    : date.isEmpty() ? "勤務日 (date) is not a date YYYY-MM-DD or YYYY/MM/DD"
                    : location.isEmpty() ? "勤務場所 (location) is not one of 在宅, 自宅, サテライト, 庁舎, 本庁, 出勤, 外勤, 出張"
                    : hoursText.isEmpty() ? "勤務時間 (hours) is not a number of hours like 7.75 or 7:45"
                    : at.isEmpty() ? "報告日時 (reported_at) is not a date-time like 2026/04/06 17:30"
                    : null;
            if (rule != null) {
                run.refuse(row.line(), rule);
                continue;
            }
            run.event(row.line(), new EventNode(ids.eventId(row.line()), settings.sourceSystem(), "WORK_MODE",
                    "reported", at.get(), row.field(employee))
                    .put("location", location.get())
                    .attribute("date", date.get())
                    .attribute("hours", hoursText.get()));
        }
        return run.finish(out);
    }
}
