package org.mieruka.ingest.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Zoom's participants report CSV: a meeting block (header and one row), a blank line, then one row
 * per join. The host (the meeting block's User Email) {@code held} the meeting from its start for
 * its length; every other row is one {@code attended} from its join for (leave − join), so a
 * participant who rejoined has one event per join. The host's own join rows are ignored, as are
 * guests without an e-mail (not staff). Times are local, {@code 04/06/2026 01:30:00 PM}.
 * Ids: {@code <hash>-<line>}.
 */
public final class ZoomParticipantsImporter implements Importer {

    private static final ExportTime TIME = ExportTime.either(ExportTime.US, ExportTime.ISO);

    @Override
    public String format() {
        return "zoom";
    }

    @Override
    public ImportSummary read(Path file, ImportSettings settings, Consumer<ImportedRecord> out)
            throws IOException, ImportException {
        byte[] bytes = Files.readAllBytes(file);
        FileFingerprint ids = FileFingerprint.of(bytes);
        List<CsvRecord> records = CsvRecords.parse(ExportedText.decode(bytes, "auto"), ',').stream()
                .filter(r -> !r.blank()).toList();
        if (records.size() < 3) {
            throw new ImportException("zoom report: needs the meeting block and the participants header");
        }
        CsvHeader meetingHeader = new CsvHeader(records.get(0));
        int idColumn = meetingHeader.column(true, "Meeting ID");
        int startColumn = meetingHeader.column(true, "Start Time");
        int endColumn = meetingHeader.column(true, "End Time");
        int hostColumn = meetingHeader.column(true, "User Email");
        meetingHeader.requireAll("zoom report meeting block");
        CsvHeader header = new CsvHeader(records.get(2));
        int email = header.column(true, "User Email");
        int join = header.column(true, "Join Time");
        int leave = header.column(true, "Leave Time");
        int minutes = header.column(false, "Duration (Minutes)", "Duration (minutes)");
        int guest = header.column(false, "Guest");
        header.requireAll("zoom report participants");

        CsvRecord meeting = records.get(1);
        String meetingId = meeting.field(idColumn).replace(" ", "");
        String host = meeting.field(hostColumn);
        Optional<OffsetDateTime> start = TIME.parse(meeting.field(startColumn), settings.zone());
        Optional<OffsetDateTime> end = TIME.parse(meeting.field(endColumn), settings.zone());
        ImportRun run = new ImportRun();
        if (meeting.broken() != null || start.isEmpty() || end.isEmpty()) {
            run.refuse(meeting.line(), "meeting row: Start Time or End Time is not a time like 04/06/2026 01:30:00 PM");
        } else {
            run.event(meeting.line(), EventNode.onlineMeeting(ids.eventId(meeting.line()), "held", start.get(),
                    Duration.between(start.get(), end.get()), host, meetingId, settings));
        }
        for (CsvRecord row : records.subList(3, records.size())) {
            String who = row.field(email);
            boolean isGuest = guest >= 0 && row.field(guest).toLowerCase(Locale.ROOT).startsWith("y");
            if (row.broken() != null) {
                run.refuse(row.line(), row.broken());
            } else if (who.equalsIgnoreCase(host) || (who.isEmpty() && isGuest)) {
                run.ignore();
            } else if (who.isEmpty()) {
                run.refuse(row.line(), "participant row without User Email");
            } else {
                Optional<OffsetDateTime> joined = TIME.parse(row.field(join), settings.zone());
                Optional<OffsetDateTime> left = TIME.parse(row.field(leave), settings.zone());
                Optional<Duration> length = joined.isPresent() && left.isPresent()
                        ? Optional.of(Duration.between(joined.get(), left.get()))
                        : minutes(row, minutes);
                if (joined.isEmpty() || length.isEmpty()) {
                    run.refuse(row.line(), "Join Time, or both Leave Time and Duration (Minutes), unreadable");
                } else {
                    run.event(row.line(), EventNode.onlineMeeting(ids.eventId(row.line()), "attended", joined.get(),
                            length.get(), who, meetingId, settings));
                }
            }
        }
        return run.finish(out);
    }

    private static Optional<Duration> minutes(CsvRecord row, int column) {
        if (column < 0 || !row.field(column).matches("\\d+")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMinutes(Long.parseLong(row.field(column))));
    }
}
