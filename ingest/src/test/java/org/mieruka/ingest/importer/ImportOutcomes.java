package org.mieruka.ingest.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mieruka.schemas.json.WorkEventJson;

/** What one import emitted, with the checks every importer test shares. */
final class ImportOutcomes implements Consumer<ImportedRecord> {

    final List<ImportedRecord> all = new ArrayList<>();
    ImportSummary summary;

    static ImportOutcomes run(Importer importer, Path file, ImportSettings settings) throws Exception {
        ImportOutcomes outcomes = new ImportOutcomes();
        outcomes.summary = importer.read(file, settings, outcomes);
        return outcomes;
    }

    static Path sample(String name) {
        return Paths.get("src/test/resources/importers", name);
    }

    @Override
    public void accept(ImportedRecord record) {
        all.add(record);
    }

    List<ObjectNode> events() {
        return all.stream().filter(r -> !r.refused()).map(ImportedRecord::event).toList();
    }

    List<ImportedRecord> refusals() {
        return all.stream().filter(ImportedRecord::refused).toList();
    }

    List<ObjectNode> events(String action) {
        return events().stream().filter(e -> e.get("action").asText().equals(action)).toList();
    }

    /** Null when every event reads in the strict JSON form, else the first rejection. */
    String firstRejection() {
        return events().stream().map(WorkEventJson::read).filter(r -> r.rejection() != null)
                .map(r -> r.rejection().toString()).findFirst().orElse(null);
    }

    /** True when events come in occurred_at order. */
    boolean chronological() {
        List<ObjectNode> events = events();
        for (int i = 1; i < events.size(); i++) {
            if (time(events.get(i)).isBefore(time(events.get(i - 1)))) {
                return false;
            }
        }
        return true;
    }

    List<String> ids() {
        return events().stream().map(e -> e.get("event_id").asText()).toList();
    }

    private static java.time.Instant time(ObjectNode event) {
        return OffsetDateTime.parse(event.get("occurred_at").asText()).toInstant();
    }
}
