package org.mieruka.ingest.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mieruka.ingest.privacy.EventScreen;
import org.mieruka.ingest.source.IdentityMap;
import org.mieruka.ingest.source.SourceRegistration;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.json.Rejection;
import org.mieruka.schemas.json.WorkEventJson;
import org.mieruka.schemas.source.AttributeAllowList;

/**
 * What a collector checks before it accepts one event from an authenticated source, in the order
 * events.md gives: the identity map first, then the privacy screen on the event as received (after
 * translation, before attributes are dropped), the strict JSON form, and the source. Every rule that
 * applies is collected and the one reason is the earliest in the contract's list, so privacy wins
 * over everything else. {@code LATE} is judged later, on the source's stream time, not here.
 *
 * <p>A literal consequence: a user id missing from the identity map that is an e-mail address is
 * rejected as {@code PERSONAL_DATA}, not {@code UNKNOWN_EMPLOYEE} (docs/data-dictionary.md, "Readings").
 */
public final class EventAdmission {

    private final EventScreen screen;

    public EventAdmission(EventScreen screen) {
        this.screen = screen;
    }

    /**
     * The accepted event (attributes off the allow-list dropped, their number given) or the one reason.
     * The accepted event's {@code received_at} is left for the caller to set.
     */
    public record Outcome(WorkEvent event, Rejection rejection, int droppedAttributes) {
        public boolean accepted() {
            return event != null;
        }
    }

    public Outcome admit(JsonNode received, SourceRegistration source) {
        List<Rejection> found = new ArrayList<>();
        JsonNode event = translated(received, source, found);
        screen.screen(event).ifPresent(found::add);
        WorkEventJson.Result strict = WorkEventJson.read(event);
        if (!strict.accepted()) {
            found.add(strict.rejection());
        }
        sourceMismatch(event, source).ifPresent(found::add);
        if (!found.isEmpty()) {
            return new Outcome(null, Rejection.first(found), 0);
        }
        WorkEvent accepted = strict.event();
        int dropped = keepAllowed(accepted, source);
        return new Outcome(accepted, null, dropped);
    }

    /** The event with its {@code employee} translated, or as received when there is nothing to translate. */
    private static JsonNode translated(JsonNode received, SourceRegistration source, List<Rejection> found) {
        Optional<IdentityMap> map = source.identityMap();
        JsonNode employee = received == null || !received.isObject() ? null : received.get("employee");
        if (map.isEmpty() || employee == null || !employee.isTextual()
                || employee.asText().isEmpty()) {
            // Absent or mistyped employees are the strict form's to report.
            return received;
        }
        Optional<String> staffId = map.get().employeeOf(employee.asText());
        if (staffId.isEmpty()) {
            found.add(new Rejection(RejectionReason.UNKNOWN_EMPLOYEE, "employee",
                    "not in the identity map of source " + source.sourceSystem()));
            return received;
        }
        ObjectNode copy = ((ObjectNode) received).deepCopy();
        copy.put("employee", staffId.get());
        return copy;
    }

    /**
     * The token decides the source. An event naming another source is rejected as {@code UNKNOWN_SOURCE}:
     * for this sender that source is not a registered one, since a token registers exactly one; and the
     * answer is the same whether the named source exists or not, so a token cannot be used to probe
     * which other sources are registered, nor to write events in their name.
     */
    private static Optional<Rejection> sourceMismatch(JsonNode event, SourceRegistration source) {
        JsonNode named = event == null ? null : event.get("source_system");
        if (named == null || !named.isTextual() || named.asText().isEmpty()
                || named.asText().equals(source.sourceSystem())) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(RejectionReason.UNKNOWN_SOURCE, "source_system",
                "not the source registered for this API token"));
    }

    /**
     * Drops the attributes off the source's allow-list; those the contract defines for the kind
     * ({@code step}, {@code date}, {@code hours}) stay whatever the list says, as in the privacy stage.
     */
    private static int keepAllowed(WorkEvent event, SourceRegistration source) {
        Map<String, String> attributes = event.getAttributes();
        Map<String, String> kept = AttributeAllowList.kept(source.allowedAttributes(), event.getKind(), attributes);
        event.setAttributes(kept);
        return attributes.size() - kept.size();
    }
}
