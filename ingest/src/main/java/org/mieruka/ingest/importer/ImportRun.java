package org.mieruka.ingest.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects one file's outcomes and hands them on when the file is done: refusals first in
 * position order, then events stably sorted by {@code occurred_at} and position. The contract
 * relies on that order so that a historical log imported as its own source is never late.
 */
final class ImportRun {

    private record Pending(long position, long sequence, EventNode event) {
    }

    private static final Comparator<Pending> CHRONOLOGICAL = Comparator
            .comparing((Pending p) -> p.event().occurredAt().toInstant())
            .thenComparingLong(Pending::position)
            .thenComparingLong(Pending::sequence);

    private final List<ImportedRecord> refusals = new ArrayList<>();
    private final List<Pending> events = new ArrayList<>();
    private long ignored;

    void event(long position, EventNode event) {
        events.add(new Pending(position, events.size(), event));
    }

    void refuse(long position, String rule) {
        refusals.add(ImportedRecord.refused(position, rule));
    }

    void ignore() {
        ignored++;
    }

    ImportSummary finish(Consumer<ImportedRecord> out) {
        refusals.sort(Comparator.comparingLong(ImportedRecord::position));
        refusals.forEach(out);
        events.sort(CHRONOLOGICAL);
        events.forEach(p -> out.accept(new ImportedRecord(p.position(), p.event().node(), null)));
        return new ImportSummary(events.size(), refusals.size(), ignored);
    }
}
