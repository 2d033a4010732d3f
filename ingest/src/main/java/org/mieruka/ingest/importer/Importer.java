package org.mieruka.ingest.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Reads one exported file and yields, per source record, an event in the JSON form or a refusal
 * (docs/importers.md). A pure parser: identity mapping, privacy scanning, validation and publishing
 * happen after it, so it checks nothing beyond what it needs to parse. Events of one file come out
 * in {@code occurred_at} order (then by position), so a historical log is never late; refusals come
 * first, by position. Implementations are found by {@link #format()} with {@link ServiceLoader}.
 */
public interface Importer {

    /** The format name used on the command line and in docs/importers.md, e.g. {@code xes}. */
    String format();

    /**
     * Parses {@code file} and hands every outcome to {@code out}.
     *
     * @throws ImportException when the file as a whole cannot be read (not XML, bad mapping file)
     */
    ImportSummary read(Path file, ImportSettings settings, Consumer<ImportedRecord> out)
            throws IOException, ImportException;

    static Optional<Importer> forFormat(String format) {
        return all().stream().filter(importer -> importer.format().equals(format)).findFirst();
    }

    static List<Importer> all() {
        return ServiceLoader.load(Importer.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
