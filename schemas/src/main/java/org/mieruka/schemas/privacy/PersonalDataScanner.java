package org.mieruka.schemas.privacy;

import java.util.List;
import java.util.Optional;

/**
 * Finds other personal data (events.md: "configurable patterns (default: e-mail addresses)"). The
 * patterns come from the sources file ({@code personal_data_patterns}); without them, e-mail only.
 */
public final class PersonalDataScanner {

    private final List<PersonalDataPattern> patterns;

    public PersonalDataScanner(List<PersonalDataPattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public static PersonalDataScanner defaults() {
        return new PersonalDataScanner(List.of(PersonalDataPattern.EMAIL));
    }

    public List<PersonalDataPattern> patterns() {
        return patterns;
    }

    /** The name of the first pattern found in {@code value}, if any. */
    public Optional<String> find(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        for (PersonalDataPattern pattern : patterns) {
            if (pattern.mayMatch(value) && pattern.pattern().matcher(value).find()) {
                return Optional.of(pattern.name());
            }
        }
        return Optional.empty();
    }
}
