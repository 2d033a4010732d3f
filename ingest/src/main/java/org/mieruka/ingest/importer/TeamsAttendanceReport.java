package org.mieruka.ingest.importer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sections of a Teams attendance report as downloaded: "1. Summary" (label, tab, value) and
 * "2. Participants" (a header row, then one row per person); later sections (in-meeting
 * activities) repeat what the participants section sums up and are skipped.
 */
final class TeamsAttendanceReport {

    private static final Pattern SECTION = Pattern.compile("^\\d+\\.\\s+(.*)$");
    private static final Pattern LENGTH = Pattern.compile("^(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m)?\\s*(?:(\\d+)\\s*s)?$");

    final Map<String, String> summary = new LinkedHashMap<>();
    CsvRecord participantsHeader;
    final List<CsvRecord> participants = new ArrayList<>();

    TeamsAttendanceReport(List<CsvRecord> records) {
        String section = "";
        for (CsvRecord record : records) {
            if (record.blank()) {
                continue;
            }
            Matcher heading = SECTION.matcher(record.field(0));
            if (record.fields().stream().skip(1).allMatch(String::isBlank) && heading.matches()) {
                section = heading.group(1).strip().toLowerCase(Locale.ROOT);
            } else if (section.equals("summary")) {
                summary.put(record.field(0).toLowerCase(Locale.ROOT), record.field(1));
            } else if (section.equals("participants")) {
                if (participantsHeader == null) {
                    participantsHeader = record;
                } else {
                    participants.add(record);
                }
            }
        }
    }

    String summary(String... labels) {
        for (String label : labels) {
            String value = summary.get(label.toLowerCase(Locale.ROOT));
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    /** {@code 1h 2m 3s}, {@code 45m 10s}, {@code 30s}. */
    static Optional<Duration> length(String text) {
        Matcher m = LENGTH.matcher(text.strip());
        if (text.isBlank() || !m.matches()) {
            return Optional.empty();
        }
        long seconds = part(m.group(1)) * 3600 + part(m.group(2)) * 60 + part(m.group(3));
        return Optional.of(Duration.ofSeconds(seconds));
    }

    private static long part(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
