package org.mieruka.ingest.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The values of the post-hoc telework report form as staff type them: the place in the form's
 * words, the day with hyphens or slashes, the hours as a decimal or as h:mm.
 */
final class WorkModeReport {

    private static final Map<String, String> PLACES = Map.ofEntries(
            Map.entry("在宅", "HOME"), Map.entry("自宅", "HOME"), Map.entry("テレワーク", "HOME"),
            Map.entry("サテライト", "SATELLITE"), Map.entry("サテライトオフィス", "SATELLITE"),
            Map.entry("庁舎", "OFFICE"), Map.entry("本庁", "OFFICE"), Map.entry("出勤", "OFFICE"),
            Map.entry("外勤", "FIELD"), Map.entry("出張", "FIELD"),
            Map.entry("home", "HOME"), Map.entry("satellite", "SATELLITE"), Map.entry("office", "OFFICE"),
            Map.entry("field", "FIELD"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu[-][/]M[-][/]d", Locale.ROOT);

    private WorkModeReport() {
    }

    static Optional<String> location(String place) {
        return Optional.ofNullable(PLACES.get(place.strip().toLowerCase(Locale.ROOT)));
    }

    static Optional<String> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip(), DAY.withResolverStyle(java.time.format.ResolverStyle.STRICT))
                    .toString());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** "7.75" stays; "7:45" becomes "7.75"; empty stays empty (hours are optional). */
    static Optional<String> hours(String text) {
        String value = text.strip();
        if (value.isEmpty() || value.matches("\\d{1,2}(\\.\\d+)?")) {
            return Optional.of(value);
        }
        if (value.matches("\\d{1,2}:[0-5]\\d")) {
            String[] parts = value.split(":");
            BigDecimal hours = new BigDecimal(parts[0])
                    .add(new BigDecimal(parts[1]).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
            return Optional.of(hours.stripTrailingZeros().toPlainString());
        }
        return Optional.empty();
    }
}
