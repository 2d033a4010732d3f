package org.mieruka.streams.privacy;

import java.util.Map;
import java.util.Optional;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.json.Rejection;
import org.mieruka.schemas.privacy.IndividualNumberScanner;
import org.mieruka.schemas.privacy.PersonalDataScanner;

/**
 * The contract's privacy rule applied again to a stored WorkEvent, whatever wrote it: every string
 * value, attribute key and attribute value is scanned; an Individual Number comes before other
 * personal data. The field is named, the value never.
 */
public final class WorkEventScreen {

    private final PersonalDataScanner personalData;

    public WorkEventScreen(PersonalDataScanner personalData) {
        this.personalData = personalData;
    }

    public Optional<Rejection> screen(WorkEvent event) {
        Rejection personal = null;
        String[][] fields = {
                {"event_id", event.getEventId()}, {"source_system", event.getSourceSystem()},
                {"action", event.getAction()}, {"org_unit", event.getOrgUnit()}, {"object_id", event.getObjectId()},
                {"process_code", event.getProcessCode()}};
        for (String[] field : fields) {
            Rejection found = scan(field[0], field[1]);
            if (found != null && found.reason() == RejectionReason.MY_NUMBER) {
                return Optional.of(found);
            }
            personal = personal == null ? found : personal;
        }
        // The staff id is screened like the rest: an id that is an e-mail address must not be pseudonymised and kept.
        Rejection employee = scan("employee", event.getEmployee());
        if (employee != null && employee.reason() == RejectionReason.MY_NUMBER) {
            return Optional.of(employee);
        }
        personal = personal == null ? employee : personal;
        for (Map.Entry<String, String> attribute : event.getAttributes().entrySet()) {
            for (Rejection found : new Rejection[] {scan("attributes", attribute.getKey()),
                    scan("attributes." + attribute.getKey(), attribute.getValue())}) {
                if (found != null && found.reason() == RejectionReason.MY_NUMBER) {
                    return Optional.of(found);
                }
                personal = personal == null ? found : personal;
            }
        }
        return Optional.ofNullable(personal);
    }

    private Rejection scan(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (IndividualNumberScanner.contains(value)) {
            return new Rejection(RejectionReason.MY_NUMBER, field,
                    "contains an Individual Number (マイナンバー); the event is not kept");
        }
        return personalData.find(value).map(rule -> new Rejection(RejectionReason.PERSONAL_DATA, field,
                "matches the personal-data pattern '" + rule + "'; the event is not kept")).orElse(null);
    }
}
