package org.mieruka.ingest.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.json.Rejection;
import org.mieruka.schemas.privacy.IndividualNumberScanner;
import org.mieruka.schemas.privacy.PersonalDataScanner;

/**
 * The privacy screen of events.md: every string of an event as received (after identity-map
 * translation, before attributes are dropped) is scanned, field names and attribute keys included.
 * An Individual Number anywhere wins over other personal data, as MY_NUMBER comes first in the
 * contract's list.
 *
 * <p>Rejections name where the value was found and which rule it broke, never the value. When it is
 * a field name or attribute key that carries the data, the rejection names the enclosing object
 * instead ({@code attributes}, or no field at the top level), since the name itself is the secret.
 *
 * <p>Numbers are scanned by their JSON text too: the contract speaks of strings, but a number sent
 * as a JSON number (in {@code duration_ms}, say) must not slip through because of its type.
 */
public final class EventScreen {

    private final PersonalDataScanner personalData;

    public EventScreen(PersonalDataScanner personalData) {
        this.personalData = personalData;
    }

    /** The privacy rejection of {@code event}, if any: MY_NUMBER before PERSONAL_DATA. */
    public Optional<Rejection> screen(JsonNode event) {
        Finding finding = new Finding();
        walk(event, "", finding);
        if (finding.myNumber != null) {
            return Optional.of(finding.myNumber);
        }
        return Optional.ofNullable(finding.personal);
    }

    private void walk(JsonNode node, String path, Finding finding) {
        if (node == null || finding.myNumber != null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String name = entry.getKey();
                boolean clean = scan(name, path, path.isEmpty() ? "a field name" : "an attribute key", finding);
                // A name that carries personal data is never put into a later rejection's field.
                String child = !clean ? path : path.isEmpty() ? name : path + "." + name;
                walk(entry.getValue(), child, finding);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                walk(item, path, finding);
            }
        } else if (node.isTextual() || node.isNumber()) {
            scan(node.asText(), path, "the value", finding);
        }
    }

    /** Scans one string; false when it carries personal data of either kind. */
    private boolean scan(String text, String field, String what, Finding finding) {
        if (finding.myNumber != null) {
            return false;
        }
        if (IndividualNumberScanner.contains(text)) {
            finding.myNumber = new Rejection(RejectionReason.MY_NUMBER, field,
                    what + " contains an Individual Number (マイナンバー: 12 digits with a valid check digit); "
                            + "the event is not kept");
            return false;
        }
        Optional<String> rule = personalData.find(text);
        if (rule.isPresent() && finding.personal == null) {
            finding.personal = new Rejection(RejectionReason.PERSONAL_DATA, field,
                    what + " matches the personal-data pattern '" + rule.get() + "'; the event is not kept");
        }
        return rule.isEmpty();
    }

    /** The first finding of each reason, in document order. */
    private static final class Finding {
        private Rejection myNumber;
        private Rejection personal;
    }
}
