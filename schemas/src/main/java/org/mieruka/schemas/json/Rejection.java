package org.mieruka.schemas.json;

import java.util.Comparator;
import java.util.List;
import org.mieruka.schemas.deadletter.RejectionReason;

/**
 * One reason an event was not accepted: the reason code, the field it concerns (or empty) and a
 * human message naming the rule. Messages never quote the rejected value.
 */
public record Rejection(RejectionReason reason, String field, String message) {

    /** The single reason events.md assigns when several rules are broken: the earliest in its list. */
    public static Rejection first(List<Rejection> found) {
        return found.stream().min(Comparator.comparing(Rejection::reason)).orElseThrow();
    }

    @Override
    public String toString() {
        return reason + (field.isEmpty() ? "" : " [" + field + "]") + ": " + message;
    }
}
