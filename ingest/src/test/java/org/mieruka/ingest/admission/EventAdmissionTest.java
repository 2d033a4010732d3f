package org.mieruka.ingest.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mieruka.ingest.privacy.EventScreen;
import org.mieruka.ingest.source.IdentityMap;
import org.mieruka.ingest.source.SourceLimits;
import org.mieruka.ingest.source.SourceRegistration;
import org.mieruka.ingest.source.StepTable;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.json.Rejection;
import org.mieruka.schemas.privacy.PersonalDataScanner;

class EventAdmissionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MY_NUMBER = "123456789018";
    private static final String DOCUMENT = "{'event_id':'e1','source_system':'docs-m365','kind':'DOCUMENT',"
            + "'action':'edited','occurred_at':'2026-04-06T09:12:00.000+09:00','employee':'taro@city.example.jp',"
            + "'object_id':'doc-1','attributes':{'app':'word','title':'budget'}}";
    private static final SourceLimits LIMITS = SourceLimits.of(1024 * 1024, 1000);

    private static final SourceRegistration M365 = new SourceRegistration("docs-m365", Set.of("app"),
            Optional.of(new IdentityMap(Map.of("taro@city.example.jp", "E0001", "u-17", "E0017"))),
            StepTable.identity(), Optional.empty(), Optional.empty(), LIMITS);
    private static final SourceRegistration LOG = new SourceRegistration("approval-sys", Set.of(),
            Optional.empty(), StepTable.identity(), Optional.empty(), Optional.empty(), LIMITS);

    private final EventAdmission admission = new EventAdmission(new EventScreen(PersonalDataScanner.defaults()));

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private EventAdmission.Outcome admit(String event, SourceRegistration source) throws Exception {
        return admission.admit(json(event), source);
    }

    private Rejection rejection(String event, SourceRegistration source) throws Exception {
        EventAdmission.Outcome outcome = admit(event, source);
        assertThat(outcome.accepted()).as("accepted").isFalse();
        return outcome.rejection();
    }

    @Test
    void shouldTranslateTheEmployeeAndDropAttributesOffTheAllowList() throws Exception {
        EventAdmission.Outcome outcome = admit(DOCUMENT, M365);

        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.event().getEmployee()).isEqualTo("E0001");
        assertThat(outcome.event().getAttributes()).containsExactly(Map.entry("app", "word"));
        assertThat(outcome.droppedAttributes()).isEqualTo(1);
    }

    @Test
    void shouldPassIdsThroughForASourceWithoutAMap() throws Exception {
        EventAdmission.Outcome outcome = admit(DOCUMENT.replace("docs-m365", "approval-sys")
                .replace("taro@city.example.jp", "E0042"), LOG);

        assertThat(outcome.event().getEmployee()).isEqualTo("E0042");
        assertThat(outcome.event().getAttributes()).isEmpty();
        assertThat(outcome.droppedAttributes()).isEqualTo(2);
    }

    @Test
    void shouldKeepTheAttributesTheContractRequiresWhateverTheAllowList() throws Exception {
        String step = "{'event_id':'e2','source_system':'approval-sys','kind':'WORKFLOW','action':'step_started',"
                + "'occurred_at':'2026-04-06T09:12:00Z','employee':'E0042','object_id':'case-1',"
                + "'attributes':{'step':'RECEIVE','memo':'x'}}";
        EventAdmission.Outcome outcome = admit(step, LOG);

        assertThat(outcome.event().getAttributes()).containsExactly(Map.entry("step", "RECEIVE"));
        assertThat(outcome.droppedAttributes()).isEqualTo(1);
    }

    @Test
    void shouldRejectAnIdMissingFromTheMapAsUnknownEmployee() throws Exception {
        Rejection rejection = rejection(DOCUMENT.replace("taro@city.example.jp", "u-99"), M365);

        assertThat(rejection.reason()).isEqualTo(RejectionReason.UNKNOWN_EMPLOYEE);
        assertThat(rejection.field()).isEqualTo("employee");
        assertThat(rejection.message()).doesNotContain("u-99");
    }

    @Test
    void shouldRejectAnUnmappedEmailAsPersonalDataBecausePrivacyComesFirst() throws Exception {
        Rejection rejection = rejection(DOCUMENT.replace("taro@", "jiro@"), M365);

        assertThat(rejection.reason()).isEqualTo(RejectionReason.PERSONAL_DATA);
        assertThat(rejection.field()).isEqualTo("employee");
        assertThat(rejection(DOCUMENT.replace("docs-m365", "approval-sys"), LOG).reason())
                .isEqualTo(RejectionReason.PERSONAL_DATA);
    }

    @Test
    void shouldScreenAttributesBeforeTheyAreDroppedAndPreferMyNumber() throws Exception {
        Rejection rejection = rejection(DOCUMENT.replace("'budget'", "'個人番号" + MY_NUMBER + "'")
                .replace("'doc-1'", "'from hanako@city.example.jp'"), M365);

        assertThat(rejection.reason()).isEqualTo(RejectionReason.MY_NUMBER);
        assertThat(rejection.field()).isEqualTo("attributes.title");
        assertThat(rejection.toString()).doesNotContain(MY_NUMBER).doesNotContain("hanako");
    }

    @Test
    void shouldPreferPrivacyOverTheStrictForm() throws Exception {
        assertThat(rejection(DOCUMENT.replace("'DOCUMENT'", "'document'").replace("'doc-1'", "'" + MY_NUMBER + "'"),
                M365).reason()).isEqualTo(RejectionReason.MY_NUMBER);
        assertThat(rejection("\"" + MY_NUMBER + "\"", M365).reason()).isEqualTo(RejectionReason.MY_NUMBER);
        assertThat(rejection("[1, 2]", M365).reason()).isEqualTo(RejectionReason.MALFORMED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'object_id':'doc-1'|'objectId':'doc-1'|UNKNOWN_FIELD|objectId",
        "'object_id':'doc-1'|'object_id':''|MISSING_FIELD|object_id",
        "'object_id':'doc-1'|'object_id':7|BAD_TYPE|object_id",
        "'DOCUMENT'|'Document'|BAD_ENUM|kind",
        "'edited'|'held'|UNKNOWN_ACTION|action",
        "+09:00'|'|BAD_TIMESTAMP|occurred_at",
    })
    void shouldRejectByTheStrictFormBeforeTheSourceAndTheEmployee(String from, String to, RejectionReason reason,
                                                                  String field) throws Exception {
        // Unmapped id and another source too: the strict rule still comes first.
        String event = DOCUMENT.replace(from, to).replace("taro@city.example.jp", "u-99")
                .replace("'docs-m365'", "'zoom'");
        Rejection rejection = rejection(event, M365);

        assertThat(rejection.reason()).isEqualTo(reason);
        assertThat(rejection.field()).isEqualTo(field);
    }

    @Test
    void shouldRejectBadValueBeforeTheSource() throws Exception {
        String meeting = "{'event_id':'m1','source_system':'zoom','kind':'MEETING','action':'held',"
                + "'occurred_at':'2026-04-06T09:00:00Z','employee':'u-17','object_id':'mtg-1','duration_ms':0}";
        assertThat(rejection(meeting, M365).reason()).isEqualTo(RejectionReason.BAD_VALUE);
    }

    @Test
    void shouldRejectAnEventNamingAnotherSourceBeforeAnUnknownEmployee() throws Exception {
        Rejection rejection = rejection(DOCUMENT.replace("'docs-m365'", "'approval-sys'")
                .replace("taro@city.example.jp", "u-99"), M365);

        assertThat(rejection.reason()).isEqualTo(RejectionReason.UNKNOWN_SOURCE);
        assertThat(rejection.field()).isEqualTo("source_system");
        assertThat(rejection(DOCUMENT.replace("'docs-m365'", "'approval-sys'"), M365).reason())
                .isEqualTo(RejectionReason.UNKNOWN_SOURCE);
    }
}
