package org.mieruka.ingest.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.mieruka.ingest.EventPublisher;
import org.mieruka.ingest.IdempotentWriter;
import org.mieruka.ingest.admission.EventAdmission;
import org.mieruka.ingest.source.SourceRegistration;
import org.mieruka.schemas.deadletter.DeadLetter;
import org.mieruka.schemas.deadletter.DeadLetters;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.deadletter.Stage;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.json.Rejection;

/**
 * Imports one exported file as its source: every record through the same admission as the HTTP
 * collector (identity map, privacy screen, the JSON form's rules, allow-list), written in batches
 * through the collectors' {@link IdempotentWriter}, so importing a file twice stores it once. A
 * checkpoint after each batch lets an interrupted import resume where it stopped.
 */
public final class FileImport {

    private final IdempotentWriter writer;
    private final EventAdmission admission;
    private final SourceRegistration source;
    private final int batchSize;
    private final Path checkpoints;

    /** What happened to a file's records. */
    public record Report(long records, long written, long duplicates, long ignored, long resumedAfter,
                         Map<RejectionReason, Long> rejected) {
        public long rejectedTotal() {
            return rejected.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public FileImport(IdempotentWriter writer, EventAdmission admission, SourceRegistration source, int batchSize,
                      Path checkpoints) {
        this.writer = writer;
        this.admission = admission;
        this.source = source;
        this.batchSize = batchSize;
        this.checkpoints = checkpoints;
    }

    /** @param progress hears the records done so far, after each batch */
    public Report run(Importer importer, Path file, ImportSettings settings, LongConsumer progress)
            throws IOException, ImportException, EventPublisher.UnavailableException, InterruptedException {
        List<ImportedRecord> records = new ArrayList<>();
        ImportSummary summary = importer.read(file, settings, records::add);
        Path checkpoint = checkpoints.resolve(importer.format() + "-" + FileFingerprint.sha256Hex(Files.readAllBytes(file))
                + ".done");
        long resumeAfter = Files.exists(checkpoint) ? Long.parseLong(Files.readString(checkpoint).strip()) : 0;

        Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
        long written = 0;
        long duplicates = 0;
        List<WorkEvent> events = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = (int) resumeAfter; i < records.size(); i++) {
            ImportedRecord record = records.get(i);
            Rejection rejection = record.refusal();
            JsonNode node = record.event();
            if (rejection == null) {
                EventAdmission.Outcome outcome = admission.admit(node, source);
                if (outcome.accepted()) {
                    outcome.event().setReceivedAt(now);
                    events.add(outcome.event());
                } else {
                    rejection = outcome.rejection();
                }
            }
            if (rejection != null) {
                rejected.merge(rejection.reason(), 1L, Long::sum);
                letters.add(DeadLetters.of(source.sourceSystem(), Stage.IMPORT, rejection.reason(), rejection.field(),
                        rejection.message() + " (" + file.getFileName() + ", record at " + record.position() + ")",
                        node == null ? null : node.toString().getBytes(StandardCharsets.UTF_8), now));
            }
            if (events.size() + letters.size() >= batchSize || i == records.size() - 1) {
                IdempotentWriter.Outcome outcome = writer.write(events, letters);
                written += outcome.written();
                duplicates += outcome.duplicates();
                events.clear();
                letters.clear();
                Files.createDirectories(checkpoints);
                Files.writeString(checkpoint, Long.toString(i + 1));
                progress.accept(i + 1);
            }
        }
        Files.deleteIfExists(checkpoint); // done: a deliberate re-import reads it all again, and stores nothing new
        return new Report(records.size(), written, duplicates, summary.ignored(), resumeAfter, rejected);
    }
}
