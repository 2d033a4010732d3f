package org.mieruka.simulate.truth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A half-open interval [start, end) of epoch milliseconds, and the few set operations the credit rules need. */
record Span(long start, long end) {

    long length() {
        return Math.max(0, end - start);
    }

    /** The union of {@code spans} as sorted, disjoint, non-empty spans. */
    static List<Span> union(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans.stream().filter(s -> s.length() > 0).toList());
        sorted.sort(Comparator.comparingLong(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span span : sorted) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && span.start() <= last.end()) {
                merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), span.end())));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    /** The parts of this span not covered by {@code cover} (sorted, disjoint). */
    List<Span> minus(List<Span> cover) {
        List<Span> parts = new ArrayList<>();
        long from = start;
        for (Span c : cover) {
            if (c.end() <= from || c.start() >= end) {
                continue;
            }
            if (c.start() > from) {
                parts.add(new Span(from, c.start()));
            }
            from = Math.max(from, c.end());
        }
        if (from < end) {
            parts.add(new Span(from, end));
        }
        return parts;
    }

    /** Total length of the overlap of this span with {@code cover} (sorted, disjoint). */
    long overlap(List<Span> cover) {
        long total = 0;
        for (Span c : cover) {
            total += new Span(Math.max(start, c.start()), Math.min(end, c.end())).length();
        }
        return total;
    }

    static long length(List<Span> spans) {
        return spans.stream().mapToLong(Span::length).sum();
    }
}
