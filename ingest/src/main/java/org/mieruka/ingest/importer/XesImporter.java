package org.mieruka.ingest.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.mieruka.ingest.importer.XesLog.XesEvent;
import org.mieruka.ingest.importer.XesLog.XesTrace;

/**
 * XES event logs (metrics.md, "Importers"): a trace is a case, an event with transition
 * {@code complete} (or none) a {@code step_completed}, {@code start} a {@code step_started}; other
 * transitions are ignored and counted. Each case also gets a {@code case_opened} at its earliest and
 * a {@code case_closed} at its latest step, with that step's employee and ids
 * {@code <hash>-<event number>-open} / {@code -close}.
 */
public final class XesImporter implements Importer {

    private record Step(XesEvent source, OffsetDateTime at, String employee) {
    }

    @Override
    public String format() {
        return "xes";
    }

    @Override
    public ImportSummary read(Path file, ImportSettings settings, Consumer<ImportedRecord> out)
            throws IOException, ImportException {
        FileFingerprint fingerprint = FileFingerprint.of(file);
        ImportRun run = new ImportRun();
        XesLog.read(file, trace -> importTrace(trace, settings, fingerprint, run));
        return run.finish(out);
    }

    private static void importTrace(XesTrace trace, ImportSettings settings, FileFingerprint ids, ImportRun run) {
        List<Step> steps = new ArrayList<>();
        List<EventNode> nodes = new ArrayList<>();
        for (XesEvent event : trace.events()) {
            String transition = event.transition() == null ? "complete" : event.transition().toLowerCase(Locale.ROOT);
            String action = switch (transition) {
                case "complete" -> "step_completed";
                case "start" -> "step_started";
                default -> null;
            };
            if (action == null) {
                run.ignore();
                continue;
            }
            Optional<String> rule = problem(trace, event, settings);
            if (rule.isPresent()) {
                run.refuse(event.number(), rule.get());
                continue;
            }
            Step step = new Step(event, ExportTime.ISO.parse(event.timestamp(), settings.zone()).orElseThrow(),
                    event.resource() != null && !event.resource().isEmpty() ? event.resource() : settings.defaultEmployee());
            steps.add(step);
            nodes.add(workflow(ids.eventId(event.number()), action, step, trace, settings)
                    .attribute("step", settings.stepOf(event.activity())));
        }
        if (steps.isEmpty()) {
            return;
        }
        Step first = steps.get(0);
        Step last = steps.get(0);
        for (Step step : steps) {
            if (step.at().toInstant().isBefore(first.at().toInstant())) {
                first = step;
            }
            if (!step.at().toInstant().isBefore(last.at().toInstant())) {
                last = step;
            }
        }
        long opened = first.source().number();
        long closed = last.source().number();
        // Handed on open, steps, close: at equal time and position the run keeps this order.
        run.event(opened, workflow(ids.eventId(opened, "open"), "case_opened", first, trace, settings));
        for (int i = 0; i < steps.size(); i++) {
            run.event(steps.get(i).source().number(), nodes.get(i));
        }
        run.event(closed, workflow(ids.eventId(closed, "close"), "case_closed", last, trace, settings));
    }

    private static Optional<String> problem(XesTrace trace, XesEvent event, ImportSettings settings) {
        if (trace.caseId() == null || trace.caseId().isEmpty()) {
            return Optional.of("trace without concept:name (the case id)");
        }
        if (event.activity() == null || event.activity().isEmpty()) {
            return Optional.of("event without concept:name (the activity)");
        }
        if (event.timestamp() == null) {
            return Optional.of("event without time:timestamp");
        }
        if (ExportTime.ISO.parse(event.timestamp(), settings.zone()).isEmpty()) {
            return Optional.of("time:timestamp is not an XES date (ISO-8601)");
        }
        boolean noResource = event.resource() == null || event.resource().isEmpty();
        if (noResource && (settings.defaultEmployee() == null || settings.defaultEmployee().isEmpty())) {
            return Optional.of("event without org:resource and no default employee configured");
        }
        return Optional.empty();
    }

    private static EventNode workflow(String id, String action, Step step, XesTrace trace, ImportSettings settings) {
        return new EventNode(id, settings.sourceSystem(), "WORKFLOW", action, step.at(), step.employee())
                .put("object_id", trace.caseId())
                .put("process_code", settings.defaultProcessCode());
    }
}
