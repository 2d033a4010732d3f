package org.mieruka.schemas.privacy;

import java.util.regex.Pattern;

/**
 * One configured kind of personal data: a name that rejections quote, the pattern that finds it,
 * and optionally a text every match contains, so that values without it skip the regular
 * expression (most values of most events: the scan runs on every string the collector receives).
 */
public record PersonalDataPattern(String name, Pattern pattern, String requiredText) {

    public PersonalDataPattern(String name, Pattern pattern) {
        this(name, pattern, null);
    }

    /**
     * E-mail addresses. The look-behind lets a match start only where a local part starts and the
     * quantifiers are possessive, so a long value without an address costs one pass, not one per
     * starting position.
     */
    public static final PersonalDataPattern EMAIL = new PersonalDataPattern("email",
            Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++)+"), "@");

    /** True when the value may hold a match (the regular expression decides). */
    boolean mayMatch(String value) {
        return requiredText == null || value.contains(requiredText);
    }

    public PersonalDataPattern {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a personal-data pattern needs a name");
        }
    }
}
