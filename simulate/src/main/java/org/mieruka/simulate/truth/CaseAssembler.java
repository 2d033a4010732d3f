package org.mieruka.simulate.truth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.WorkEvent;

/** Builds every case from the accepted WORKFLOW events (metrics.md §3). */
final class CaseAssembler {

    private final EmployeeDayBook days;
    private final TruthSettings settings;

    CaseAssembler(EmployeeDayBook days, TruthSettings settings) {
        this.days = days;
        this.settings = settings;
    }

    List<CaseFacts> assemble(List<WorkEvent> events) {
        Map<String, List<WorkEvent>> byCase = new TreeMap<>();
        for (WorkEvent event : events) {
            if (event.getKind() == EventKind.WORKFLOW && event.getObjectId() != null) {
                byCase.computeIfAbsent(event.getSourceSystem() + "\u0000" + event.getObjectId(),
                        k -> new ArrayList<>()).add(event);
            }
        }
        List<CaseFacts> cases = new ArrayList<>();
        byCase.values().forEach(caseEvents -> cases.add(assembleOne(caseEvents)));
        return cases;
    }

    private CaseFacts assembleOne(List<WorkEvent> events) {
        events.sort(CreditCalculator.ORDER);
        WorkEvent first = events.get(0);
        String process = events.stream().filter(e -> e.getProcessCode() != null).findFirst()
                .map(WorkEvent::getProcessCode).orElse(EmployeeDayBook.UNASSIGNED);
        List<WorkEvent> steps = events.stream().filter(e -> "step_completed".equals(e.getAction())).toList();
        Instant opened = events.stream().filter(e -> "case_opened".equals(e.getAction())).findFirst()
                .map(WorkEvent::getOccurredAt).orElse(null);
        boolean leftCensored = opened == null;
        if (leftCensored) {
            opened = first.getOccurredAt();
        }
        Instant closed = null;
        for (WorkEvent event : events) {
            if ("case_closed".equals(event.getAction())) {
                closed = event.getOccurredAt();
            }
        }
        if (closed != null) {
            Instant close = closed;
            if (steps.stream().anyMatch(s -> s.getOccurredAt().isAfter(close))) {
                closed = null; // reopened by a later step; pushed cases are never closed by inference
            }
        }
        int remote = 0;
        int known = 0;
        for (WorkEvent step : steps) {
            EmployeeDay day = days.get(step.getEmployee(), step.getOccurredAt().atZone(settings.zone()).toLocalDate());
            if (day.workMode() != org.mieruka.schemas.event.Location.UNKNOWN) {
                known++;
                if (day.remote()) {
                    remote++;
                }
            }
        }
        return new CaseFacts(first.getSourceSystem(), first.getObjectId(), process, steps, opened, leftCensored,
                closed, touch(events, steps), remote, known);
    }

    /**
     * Each step_completed takes the earliest unmatched step_started of the same step code at or
     * before it; touch time is known only when the case has a step and every step is matched.
     */
    private static Long touch(List<WorkEvent> events, List<WorkEvent> steps) {
        if (steps.isEmpty()) {
            return null;
        }
        Map<String, List<WorkEvent>> unmatched = new LinkedHashMap<>();
        for (WorkEvent event : events) {
            if ("step_started".equals(event.getAction())) {
                unmatched.computeIfAbsent(event.getAttributes().get("step"), k -> new ArrayList<>()).add(event);
            }
        }
        List<Span> worked = new ArrayList<>();
        for (WorkEvent step : steps) {
            List<WorkEvent> starts = unmatched.getOrDefault(step.getAttributes().get("step"), new ArrayList<>());
            WorkEvent match = starts.stream().filter(s -> !s.getOccurredAt().isAfter(step.getOccurredAt()))
                    .findFirst().orElse(null);
            if (match == null) {
                return null;
            }
            starts.remove(match);
            worked.add(new Span(match.getOccurredAt().toEpochMilli(), step.getOccurredAt().toEpochMilli()));
        }
        return Span.length(Span.union(worked));
    }
}
