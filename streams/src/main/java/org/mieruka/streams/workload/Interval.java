package org.mieruka.streams.workload;

import java.util.ArrayList;
import java.util.List;

/** A half-open interval [start, end) of epoch milliseconds. */
record Interval(long start, long end) {

    long length() {
        return Math.max(0, end - start);
    }

    long overlap(Interval other) {
        return Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));
    }

    /** Merges intervals sorted by start into disjoint, non-empty ones. */
    static List<Interval> unionOfSorted(List<Interval> sortedByStart) {
        List<Interval> merged = new ArrayList<>();
        for (Interval next : sortedByStart) {
            if (next.length() == 0) {
                continue;
            }
            int last = merged.size() - 1;
            if (last >= 0 && next.start <= merged.get(last).end) {
                Interval previous = merged.get(last);
                merged.set(last, new Interval(previous.start, Math.max(previous.end, next.end)));
            } else {
                merged.add(next);
            }
        }
        return merged;
    }

    /** The parts of this interval that {@code cover} (disjoint, sorted) leaves uncovered. */
    List<Interval> minus(List<Interval> cover) {
        List<Interval> parts = new ArrayList<>(1);
        long from = start;
        for (Interval c : cover) {
            if (c.end <= from) {
                continue;
            }
            if (c.start >= end) {
                break;
            }
            if (c.start > from) {
                parts.add(new Interval(from, c.start));
            }
            from = Math.max(from, c.end);
        }
        if (from < end) {
            parts.add(new Interval(from, end));
        }
        return parts;
    }
}
