package org.mieruka.streams.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.mieruka.schemas.metric.WorkCase;

/**
 * metrics.md §3 as a pure function: a case's events (in any order) to its WorkCase. Everything is
 * recomputed from all the events each time, so a late event gives the same result as one that came
 * in order.
 */
public final class CaseAssembler {

    /** The explicit group of a case whose events carry no process_code (metrics.md §0). */
    public static final String UNASSIGNED = "UNASSIGNED";

    private CaseAssembler() {
    }

    /** The process_code of the earliest event carrying one, or null when none does. */
    public static String process(Collection<CaseEvent> events) {
        return sorted(events).stream().map(CaseEvent::processCode).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    /** The case's figures; {@code events} must be one case's and not empty. */
    public static WorkCase assemble(Collection<CaseEvent> events, long version) {
        List<CaseEvent> ordered = sorted(events);
        if (ordered.isEmpty()) {
            throw new IllegalArgumentException("a case has at least one event");
        }
        CaseEvent first = ordered.get(0);
        List<CaseEvent> steps = ordered.stream().filter(CaseEvent::isStep).toList();

        CaseEvent opening = ordered.stream().filter(e -> CaseEvent.CASE_OPENED.equals(e.action())).findFirst()
                .orElse(null);
        boolean leftCensored = opening == null; // began before the data
        long openedAt = (leftCensored ? first : opening).occurredAt();
        Long closedAt = closedAt(ordered, steps);
        Long cycle = closedAt == null ? null : closedAt - openedAt;
        Long touch = touch(ordered, steps);
        Long wait = cycle == null || touch == null ? null : Math.max(0, cycle - touch);

        String process = process(ordered);
        return WorkCase.newBuilder()
                .setSourceSystem(first.sourceSystem())
                .setObjectId(first.original().getObjectId())
                .setProcessCode(process == null ? UNASSIGNED : process)
                .setOpenedAt(Instant.ofEpochMilli(openedAt))
                .setLeftCensored(leftCensored)
                .setClosedAt(closedAt == null ? null : Instant.ofEpochMilli(closedAt))
                .setCycleMs(cycle)
                .setTouchMs(touch)
                .setWaitMs(wait)
                .setSteps(steps.size())
                .setHandoffs(handoffs(steps))
                .setVariant(steps.stream().map(CaseEvent::step).map(step -> step == null ? UNASSIGNED : step)
                        .toList())
                .setLastStepEventId(steps.isEmpty() ? null : steps.get(steps.size() - 1).eventId())
                .setEvents(ordered.size())
                .setVersion(version)
                .build();
    }

    /** The last case_closed, unless a step came strictly after it: then the case is open again. */
    private static Long closedAt(List<CaseEvent> ordered, List<CaseEvent> steps) {
        Long closed = null;
        for (CaseEvent event : ordered) {
            if (CaseEvent.CASE_CLOSED.equals(event.action())) {
                closed = event.occurredAt();
            }
        }
        if (closed == null) {
            return null; // never closed by inference
        }
        long close = closed;
        return steps.stream().anyMatch(step -> step.occurredAt() > close) ? null : closed;
    }

    private static int handoffs(List<CaseEvent> steps) {
        int handoffs = 0;
        for (int i = 1; i < steps.size(); i++) {
            if (!Objects.equals(steps.get(i - 1).employeePseudonym(), steps.get(i).employeePseudonym())) {
                handoffs++;
            }
        }
        return handoffs;
    }

    /**
     * Each step, in order, takes the earliest unmatched step_started of the same step code at or
     * before it; the touch time is the union of the matched intervals, so overlapping steps are not
     * counted twice. Null when there is no step or a step has no start.
     */
    private static Long touch(List<CaseEvent> ordered, List<CaseEvent> steps) {
        if (steps.isEmpty()) {
            return null;
        }
        List<CaseEvent> starts = new ArrayList<>(ordered.stream()
                .filter(e -> CaseEvent.STEP_STARTED.equals(e.action())).toList());
        List<long[]> intervals = new ArrayList<>(steps.size());
        for (CaseEvent step : steps) {
            CaseEvent start = starts.stream()
                    .filter(s -> Objects.equals(s.step(), step.step()) && s.occurredAt() <= step.occurredAt())
                    .findFirst().orElse(null);
            if (start == null) {
                return null;
            }
            starts.remove(start);
            intervals.add(new long[] {start.occurredAt(), step.occurredAt()});
        }
        intervals.sort((a, b) -> Long.compare(a[0], b[0]));
        long total = 0;
        long from = intervals.get(0)[0];
        long to = intervals.get(0)[1];
        for (long[] interval : intervals.subList(1, intervals.size())) {
            if (interval[0] > to) {
                total += to - from;
                from = interval[0];
                to = interval[1];
            } else {
                to = Math.max(to, interval[1]);
            }
        }
        return total + (to - from);
    }

    private static List<CaseEvent> sorted(Collection<CaseEvent> events) {
        List<CaseEvent> ordered = new ArrayList<>(events);
        ordered.sort(CaseEvent.ORDER);
        return ordered;
    }
}
