package org.mieruka.ingest.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Microsoft Teams attendance report (UTF-16LE with BOM and tabs as downloaded, or UTF-8): the
 * organizer {@code held} the meeting from its start for (end − start); every other participant
 * {@code attended} from their first join for their in-meeting duration. The meeting id is the
 * {@code mtg-} and a hash of the summary's Meeting Id (whose {@code @thread.v2} form would read as an
 * e-mail address), else of title and start time (the title itself is content and never leaves).
 * Ids: {@code <hash>-<line>}.
 */
public final class TeamsAttendanceImporter implements Importer {

    private static final ExportTime TIME = ExportTime.either(ExportTime.US, ExportTime.ISO);

    @Override
    public String format() {
        return "teams";
    }

    @Override
    public ImportSummary read(Path file, ImportSettings settings, Consumer<ImportedRecord> out)
            throws IOException, ImportException {
        byte[] bytes = Files.readAllBytes(file);
        FileFingerprint ids = FileFingerprint.of(bytes);
        TeamsAttendanceReport report = new TeamsAttendanceReport(
                CsvRecords.parse(ExportedText.decode(bytes, "auto"), '\t'));
        if (report.participantsHeader == null) {
            throw new ImportException("teams report: no \"2. Participants\" section");
        }
        Optional<OffsetDateTime> start = TIME.parse(report.summary("Start time"), settings.zone());
        Optional<OffsetDateTime> end = TIME.parse(report.summary("End time"), settings.zone());
        if (start.isEmpty() || end.isEmpty()) {
            throw new ImportException("teams report: summary Start time or End time missing or unreadable");
        }
        String meetingId = report.summary("Meeting Id", "Meeting ID");
        if (meetingId.isEmpty()) {
            String title = report.summary("Meeting title", "Title");
            meetingId = "mtg-" + FileFingerprint.sha256Hex((title + "\n" + report.summary("Start time"))
                    .getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        } else {
            // Teams ids look like 19:meeting_…@thread.v2, which the e-mail pattern would take for personal
            // data; a hash keeps the meeting's identity and says nothing else.
            meetingId = "mtg-" + FileFingerprint.sha256Hex(meetingId.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        }
        CsvHeader header = new CsvHeader(report.participantsHeader);
        int join = header.column(true, "First Join", "First join");
        int duration = header.column(true, "In-Meeting Duration", "In-meeting duration", "Duration");
        int email = header.column(false, "Email");
        int upn = header.column(false, "Participant ID (UPN)", "Participant ID");
        int role = header.column(true, "Role");
        header.requireAll("teams report participants");
        ImportRun run = new ImportRun();
        for (CsvRecord row : report.participants) {
            String who = upn >= 0 && !row.field(upn).isEmpty() ? row.field(upn) : email >= 0 ? row.field(email) : "";
            if (row.broken() != null) {
                run.refuse(row.line(), row.broken());
            } else if (who.isEmpty()) {
                run.refuse(row.line(), "participant without Participant ID (UPN) or Email");
            } else if (row.field(role).equalsIgnoreCase("Organizer")) {
                run.event(row.line(), EventNode.onlineMeeting(ids.eventId(row.line()), "held",
                        start.get(), Duration.between(start.get(), end.get()), who, meetingId, settings));
            } else {
                Optional<OffsetDateTime> joined = TIME.parse(row.field(join), settings.zone());
                Optional<Duration> length = TeamsAttendanceReport.length(row.field(duration));
                if (joined.isEmpty() || length.isEmpty()) {
                    run.refuse(row.line(), "First Join or In-Meeting Duration unreadable (e.g. 4/6/26, 1:30:12 PM; 1h 2m 3s)");
                } else {
                    run.event(row.line(), EventNode.onlineMeeting(ids.eventId(row.line()), "attended",
                            joined.get(), length.get(), who, meetingId, settings));
                }
            }
        }
        return run.finish(out);
    }
}
