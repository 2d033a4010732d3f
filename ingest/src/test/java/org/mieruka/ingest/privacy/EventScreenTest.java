package org.mieruka.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.json.Rejection;
import org.mieruka.schemas.privacy.PersonalDataScanner;

class EventScreenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NUMBER = "123456789018";
    private static final String EVENT = "{'event_id':'e1','source_system':'docs-m365','kind':'DOCUMENT',"
            + "'action':'edited','occurred_at':'2026-04-06T09:12:00.000+09:00','employee':'E0001',"
            + "'object_id':'doc-1','attributes':{'app':'word'}}";

    private final EventScreen screen = new EventScreen(PersonalDataScanner.defaults());

    private Optional<Rejection> screen(String json) throws Exception {
        JsonNode node = JSON.readTree(json.replace('\'', '"'));
        return screen.screen(node);
    }

    @Test
    void shouldPassACleanEvent() throws Exception {
        assertThat(screen(EVENT)).isEmpty();
    }

    @Test
    void shouldRejectAnIndividualNumberInAnAttributeValueNamingTheFieldNotTheValue() throws Exception {
        Rejection rejection = screen(EVENT.replace("'app':'word'", "'note':'個人番号" + NUMBER + "'")).orElseThrow();
        assertThat(rejection.reason()).isEqualTo(RejectionReason.MY_NUMBER);
        assertThat(rejection.field()).isEqualTo("attributes.note");
        assertThat(rejection.message()).doesNotContain(NUMBER).doesNotContain("個人番号");
    }

    @Test
    void shouldScanFieldNamesAndAttributeKeysWithoutNamingThem() throws Exception {
        Rejection key = screen(EVENT.replace("'app':'word'", "'" + NUMBER + "':'x'")).orElseThrow();
        assertThat(key.reason()).isEqualTo(RejectionReason.MY_NUMBER);
        assertThat(key.field()).isEqualTo("attributes");
        Rejection field = screen(EVENT.replace("'object_id'", "'x" + NUMBER + "'")).orElseThrow();
        assertThat(field.reason()).isEqualTo(RejectionReason.MY_NUMBER);
        assertThat(field.field()).isEmpty();
        assertThat(field.toString()).doesNotContain(NUMBER);
    }

    @Test
    void shouldPreferAnIndividualNumberFoundLaterOverAnEmailFoundFirst() throws Exception {
        Rejection rejection = screen(EVENT.replace("'E0001'", "'taro@city.example.jp'")
                .replace("'app':'word'", "'note':'" + NUMBER + "'")).orElseThrow();
        assertThat(rejection.reason()).isEqualTo(RejectionReason.MY_NUMBER);
        assertThat(rejection.field()).isEqualTo("attributes.note");
    }

    @Test
    void shouldNeverPutAKeyCarryingPersonalDataIntoTheField() throws Exception {
        Rejection rejection = screen(EVENT.replace("'app':'word'", "'taro@city.example.jp':'" + NUMBER + "'"))
                .orElseThrow();
        assertThat(rejection.reason()).isEqualTo(RejectionReason.MY_NUMBER);
        assertThat(rejection.field()).isEqualTo("attributes");
    }

    @Test
    void shouldRejectAnEmailAsPersonalDataNamingTheRule() throws Exception {
        Rejection rejection = screen(EVENT.replace("'doc-1'", "'mail to taro@city.example.jp'")).orElseThrow();
        assertThat(rejection.reason()).isEqualTo(RejectionReason.PERSONAL_DATA);
        assertThat(rejection.field()).isEqualTo("object_id");
        assertThat(rejection.message()).contains("email").doesNotContain("taro");
    }

    @Test
    void shouldScanNumbersAndNestedValuesAndSkipUuidValues() throws Exception {
        assertThat(screen(EVENT.replace("'attributes'", "'duration_ms':" + NUMBER + ",'attributes'")))
                .map(Rejection::field).contains("duration_ms");
        assertThat(screen(EVENT.replace("'word'", "{'deep':['" + NUMBER + "']}")))
                .map(Rejection::field).contains("attributes.app.deep");
        assertThat(screen(EVENT.replace("'e1'", "'0e5f1a2b-1234-4abc-8def-" + NUMBER + "'"))).isEmpty();
    }
}
