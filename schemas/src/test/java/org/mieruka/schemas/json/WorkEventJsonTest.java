package org.mieruka.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;

class WorkEventJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static final String VALID = "{'event_id':'e1','source_system':'docs-m365','kind':'DOCUMENT',"
            + "'action':'edited','occurred_at':'2026-04-06T09:12:00.000+09:00','employee':'E0001',"
            + "'object_id':'doc-1','channel':'ELECTRONIC','org_unit':'','attributes':{'app':'word'}}";

    @Test
    void shouldConvertAValidEventWithItsOffsetAndTreatEmptyAsAbsent() throws Exception {
        WorkEventJson.Result result = WorkEventJson.read(json(VALID));

        assertThat(result.accepted()).isTrue();
        assertThat(result.event().getKind()).isEqualTo(EventKind.DOCUMENT);
        assertThat(result.event().getOccurredAt()).isEqualTo(Instant.parse("2026-04-06T00:12:00Z"));
        assertThat(result.event().getOrgUnit()).isNull();
        assertThat(result.event().getAttributes()).containsEntry("app", "word");
    }

    @Test
    void shouldRejectTimestampWithoutOffset() throws Exception {
        WorkEventJson.Result result = WorkEventJson.read(json(VALID.replace("+09:00", "")));

        assertThat(result.rejection().reason()).isEqualTo(RejectionReason.BAD_TIMESTAMP);
        assertThat(result.rejection().field()).isEqualTo("occurred_at");
    }

    @Test
    void shouldNameTheFirstReasonOfTheContractListWhenSeveralRulesAreBroken() throws Exception {
        // unknown field (UNKNOWN_FIELD) and lower-case enum (BAD_ENUM): UNKNOWN_FIELD comes first in events.md
        WorkEventJson.Result result = WorkEventJson.read(json(VALID.replace("'DOCUMENT'", "'document'")
                .replace("'object_id'", "'objectId'")));

        assertThat(result.rejection().reason()).isEqualTo(RejectionReason.UNKNOWN_FIELD);
        assertThat(result.rejection().field()).isEqualTo("objectId");
    }

    @Test
    void shouldRejectLowerCaseEnumAndTheReaderOnlyFallbackSymbol() throws Exception {
        assertThat(WorkEventJson.read(json(VALID.replace("'DOCUMENT'", "'document'"))).rejection().reason())
                .isEqualTo(RejectionReason.BAD_ENUM);
        assertThat(WorkEventJson.read(json(VALID.replace("'DOCUMENT'", "'OTHER'"))).rejection().reason())
                .isEqualTo(RejectionReason.BAD_ENUM);
    }

    @Test
    void shouldRejectActionOfAnotherKind() throws Exception {
        WorkEventJson.Result result = WorkEventJson.read(json(VALID.replace("'edited'", "'held'")));

        assertThat(result.rejection().reason()).isEqualTo(RejectionReason.UNKNOWN_ACTION);
    }

    @Test
    void shouldRequireDurationAboveZeroForMeetings() throws Exception {
        String meeting = VALID.replace("'DOCUMENT'", "'MEETING'").replace("'edited'", "'attended'");
        assertThat(WorkEventJson.read(json(meeting)).rejection().reason()).isEqualTo(RejectionReason.MISSING_FIELD);
        assertThat(WorkEventJson.read(json(meeting.replace("'org_unit'", "'duration_ms':0,'org_unit'")))
                .rejection().reason()).isEqualTo(RejectionReason.BAD_VALUE);
        assertThat(WorkEventJson.read(json(meeting.replace("'org_unit'", "'duration_ms':'60','org_unit'")))
                .rejection().reason()).isEqualTo(RejectionReason.BAD_TYPE);
    }

    @Test
    void shouldRequireDateAndLocationOnWorkModeReports() throws Exception {
        String report = "{'event_id':'w1','source_system':'forms','kind':'WORK_MODE','action':'reported',"
                + "'occurred_at':'2026-04-07T18:00:00Z','employee':'E0001','location':'HOME',"
                + "'attributes':{'date':'2026-04-07'}}";
        WorkEventJson.Result ok = WorkEventJson.read(json(report));
        assertThat(ok.accepted()).isTrue();
        assertThat(ok.event().getLocation()).isEqualTo(Location.HOME);

        assertThat(WorkEventJson.read(json(report.replace("2026-04-07'}", "7 April'}"))).rejection().reason())
                .isEqualTo(RejectionReason.BAD_VALUE);
        assertThat(WorkEventJson.read(json(report.replace("'location':'HOME',", ""))).rejection().field())
                .isEqualTo("location");
    }

    @Test
    void shouldRejectWhatIsNotAnObject() throws Exception {
        assertThat(WorkEventJson.read(json("[1,2]")).rejection().reason()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(WorkEventJson.read(null).rejection().reason()).isEqualTo(RejectionReason.MALFORMED);
    }
}
