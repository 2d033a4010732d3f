package org.mieruka.ingest.privacy;

import java.util.regex.Pattern;

/** One configured kind of personal data: a name that rejections quote, and the pattern that finds it. */
public record PersonalDataPattern(String name, Pattern pattern) {

    /**
     * E-mail addresses. The look-behind lets a match start only where a local part starts and the
     * quantifiers are possessive, so a long value without an address costs one pass, not one per
     * starting position.
     */
    public static final PersonalDataPattern EMAIL = new PersonalDataPattern("email",
            Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++)+"));

    public PersonalDataPattern {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a personal-data pattern needs a name");
        }
    }
}
