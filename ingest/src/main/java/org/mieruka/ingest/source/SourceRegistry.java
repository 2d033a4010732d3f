package org.mieruka.ingest.source;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.mieruka.schemas.privacy.PersonalDataScanner;

/**
 * The registered sources (events.md: "Sources (configuration, not a topic)"), read once at start-up
 * from the sources file; see docs/sources.md for its shape.
 */
public final class SourceRegistry {

    /** Setting that names the sources file (to be declared in IngestConfig). */
    public static final String SOURCES_FILE_SETTING = "ingest.sources-file";
    public static final String DEFAULT_SOURCES_FILE = "config/sources.json";

    private final Map<String, SourceRegistration> sources;
    private final PersonalDataScanner personalData;

    SourceRegistry(Map<String, SourceRegistration> sources, PersonalDataScanner personalData) {
        this.sources = Map.copyOf(sources);
        this.personalData = personalData;
    }

    /**
     * Reads and validates the sources file, reporting every problem at once.
     *
     * @param defaults the limits of a source that sets none of its own
     * @throws org.mieruka.schemas.config.InvalidConfigException listing each problem
     */
    public static SourceRegistry load(Path file, SourceLimits defaults) {
        return SourcesFile.read(file, defaults);
    }

    public Optional<SourceRegistration> find(String sourceSystem) {
        return Optional.ofNullable(sourceSystem == null ? null : sources.get(sourceSystem));
    }

    public Collection<SourceRegistration> all() {
        return sources.values();
    }

    /** The personal-data patterns of the file ({@code personal_data_patterns}), or the default (e-mail). */
    public PersonalDataScanner personalData() {
        return personalData;
    }
}
