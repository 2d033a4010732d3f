package org.mieruka.ingest.importer;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Times as exports write them. A time with an offset keeps it; a local time is placed in the
 * source's zone (in a daylight-saving gap it moves forward by the gap, in an overlap it takes the
 * earlier offset).
 * Exports from US-locale Microsoft tools write {@code 4/6/26, 1:30:12 PM}, often with a narrow
 * no-break space before the AM/PM marker, which is normalised first.
 */
final class ExportTime {

    private final List<DateTimeFormatter> formats;

    private ExportTime(List<DateTimeFormatter> formats) {
        this.formats = formats;
    }

    /** ISO-8601 with or without an offset, with {@code T} or a space, with any seconds fraction. */
    static final ExportTime ISO = new ExportTime(List.of(new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)));

    /** US-locale month/day/year with a 12-hour clock, as Teams, Zoom and the M365 portal write. */
    static final ExportTime US = new ExportTime(List.of(
            us("M/d/yyyy[,] h:mm[:ss] a"), us("M/d/yy[,] h:mm[:ss] a"),
            us("M/d/yyyy[,] H:mm[:ss]"), us("M/d/yy[,] H:mm[:ss]")));

    static ExportTime pattern(String pattern) {
        return new ExportTime(List.of(new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendPattern(pattern).toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.SMART)));
    }

    static ExportTime either(ExportTime first, ExportTime second) {
        return new ExportTime(java.util.stream.Stream.concat(first.formats.stream(), second.formats.stream()).toList());
    }

    private static DateTimeFormatter us(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.US);
    }

    /** The time, or empty when no format of this kind fits. */
    Optional<OffsetDateTime> parse(String text, ZoneId zone) {
        String normal = text.replace('\u202F', ' ').replace('\u00A0', ' ').strip();
        for (DateTimeFormatter format : formats) {
            try {
                var parsed = format.parse(normal);
                LocalDateTime local = LocalDateTime.from(parsed);
                if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                    return Optional.of(OffsetDateTime.of(local,
                            java.time.ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))));
                }
                return Optional.of(local.atZone(zone).toOffsetDateTime());
            } catch (DateTimeException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }
}
