package org.mieruka.ingest.source;

import java.util.Map;

/**
 * For log importers: the activity names a source's process log uses, to the step codes of the
 * process catalog. A name not in the table is its own step code (events.md, "Sources").
 */
public final class StepTable {

    private final Map<String, String> codes;

    public StepTable(Map<String, String> codes) {
        this.codes = Map.copyOf(codes);
    }

    public static StepTable identity() {
        return new StepTable(Map.of());
    }

    public String stepCode(String activity) {
        return codes.getOrDefault(activity, activity);
    }

    /** The listed names and their codes (for importers that take a plain map). */
    public Map<String, String> codes() {
        return codes;
    }

    public int size() {
        return codes.size();
    }
}
