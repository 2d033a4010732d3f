package org.mieruka.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every validation rule of the JSON form, each with the exact error a source's developer reads in
 * the collector's answer and in the dead-letter record: the reason code, the field and the rule.
 */
class WorkEventJsonRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode base(String kind, String action) {
        ObjectNode node = JSON.createObjectNode()
                .put("event_id", "e-1").put("source_system", "approval-sys").put("kind", kind).put("action", action)
                .put("occurred_at", "2026-04-06T09:12:00.000+09:00").put("employee", "E004211");
        switch (kind) {
            case "DOCUMENT", "WORKFLOW" -> node.put("object_id", "obj-1");
            case "MEETING" -> node.put("object_id", "m-1").put("duration_ms", 1_800_000);
            case "WORK_MODE" -> {
                node.put("location", "HOME");
                node.putObject("attributes").put("date", "2026-04-06");
            }
            default -> { }
        }
        if (action.startsWith("step_")) {
            node.putObject("attributes").put("step", "SHINSA");
        }
        return node;
    }

    private static Arguments rule(String label, String kind, String action, Consumer<ObjectNode> change,
                                  String expected) {
        ObjectNode node = base(kind, action);
        change.accept(node);
        return Arguments.of(label, node, expected);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("unknown field", "DOCUMENT", "edited", n -> n.put("user_email", "x"),
                        "UNKNOWN_FIELD [user_email]: field is not part of WorkEvent"),
                rule("received_at is set by the collector, not sent", "DOCUMENT", "edited",
                        n -> n.put("received_at", "2026-04-06T09:12:00Z"),
                        "UNKNOWN_FIELD [received_at]: field is not part of WorkEvent"),
                rule("required field absent", "DOCUMENT", "edited", n -> n.remove("employee"),
                        "MISSING_FIELD [employee]: required; absent, null or empty"),
                rule("required field null", "DOCUMENT", "edited", n -> n.putNull("event_id"),
                        "MISSING_FIELD [event_id]: required; absent, null or empty"),
                rule("required field empty", "DOCUMENT", "edited", n -> n.put("source_system", ""),
                        "MISSING_FIELD [source_system]: required; absent, null or empty"),
                rule("kind absent", "DOCUMENT", "edited", n -> n.remove("kind"),
                        "MISSING_FIELD [kind]: required; absent, null or empty"),
                rule("occurred_at absent", "DOCUMENT", "edited", n -> n.remove("occurred_at"),
                        "MISSING_FIELD [occurred_at]: required; absent, null or empty"),
                rule("document without object_id", "DOCUMENT", "edited", n -> n.remove("object_id"),
                        "MISSING_FIELD [object_id]: required for DOCUMENT events"),
                rule("workflow without case id", "WORKFLOW", "case_opened", n -> n.put("object_id", ""),
                        "MISSING_FIELD [object_id]: required for WORKFLOW events"),
                rule("meeting without duration", "MEETING", "held", n -> n.remove("duration_ms"),
                        "MISSING_FIELD [duration_ms]: required for MEETING events"),
                rule("step without step code", "WORKFLOW", "step_completed",
                        n -> ((ObjectNode) n.get("attributes")).remove("step"),
                        "MISSING_FIELD [attributes.step]: required on step_started and step_completed"),
                rule("work-mode report without location", "WORK_MODE", "reported", n -> n.remove("location"),
                        "MISSING_FIELD [location]: required for WORK_MODE events"),
                rule("work-mode report without date", "WORK_MODE", "reported", n -> n.remove("attributes"),
                        "MISSING_FIELD [attributes.date]: required for WORK_MODE events (YYYY-MM-DD)"),
                rule("string given a number", "DOCUMENT", "edited", n -> n.put("event_id", 42),
                        "BAD_TYPE [event_id]: must be a string"),
                rule("optional string given an object", "DOCUMENT", "edited", n -> n.putObject("org_unit"),
                        "BAD_TYPE [org_unit]: must be a string"),
                rule("duration as text", "MEETING", "held", n -> n.put("duration_ms", "1800000"),
                        "BAD_TYPE [duration_ms]: must be a whole number"),
                rule("duration with a fraction", "MEETING", "held", n -> n.put("duration_ms", 1.5),
                        "BAD_TYPE [duration_ms]: must be a whole number"),
                rule("attributes not an object", "DOCUMENT", "edited", n -> n.putArray("attributes"),
                        "BAD_TYPE [attributes]: must be an object of strings"),
                rule("attribute value not a string", "DOCUMENT", "edited", n -> n.putObject("attributes").put("pages", 3),
                        "BAD_TYPE [attributes.pages]: must be a string"),
                rule("enum in lower case", "DOCUMENT", "edited", n -> n.put("kind", "document"),
                        "BAD_ENUM [kind]: not one of the contract's values (upper case)"),
                rule("reader-only enum fallback", "DOCUMENT", "edited", n -> n.put("channel", "OTHER"),
                        "BAD_ENUM [channel]: not one of the contract's values (upper case)"),
                rule("unknown location", "DOCUMENT", "edited", n -> n.put("location", "CAFE"),
                        "BAD_ENUM [location]: not one of the contract's values (upper case)"),
                rule("action of another kind", "DOCUMENT", "held", n -> { },
                        "UNKNOWN_ACTION [action]: not an action of kind DOCUMENT; expected one of "
                                + ActionCatalog.actionsOf(org.mieruka.schemas.event.EventKind.DOCUMENT)),
                rule("timestamp without offset", "DOCUMENT", "edited",
                        n -> n.put("occurred_at", "2026-04-06T09:12:00.000"),
                        "BAD_TIMESTAMP [occurred_at]: must be ISO-8601 with an offset, e.g. 2026-04-06T09:12:00.000+09:00"),
                rule("timestamp as epoch number", "DOCUMENT", "edited", n -> n.put("occurred_at", 1775434320000L),
                        "BAD_TYPE [occurred_at]: must be a string"),
                rule("impossible date", "DOCUMENT", "edited", n -> n.put("occurred_at", "2026-02-30T09:00:00Z"),
                        "BAD_TIMESTAMP [occurred_at]: must be ISO-8601 with an offset, e.g. 2026-04-06T09:12:00.000+09:00"),
                rule("meeting of zero length", "MEETING", "attended", n -> n.put("duration_ms", 0),
                        "BAD_VALUE [duration_ms]: must be greater than 0"),
                rule("report date not a date", "WORK_MODE", "reported",
                        n -> ((ObjectNode) n.get("attributes")).put("date", "2026/04/06"),
                        "BAD_VALUE [attributes.date]: must be a local date YYYY-MM-DD"),
                rule("reported hours not a number", "WORK_MODE", "reported",
                        n -> ((ObjectNode) n.get("attributes")).put("hours", "7h45"),
                        "BAD_VALUE [attributes.hours]: must be a decimal number of hours from 0 to 24, e.g. 7.75"),
                rule("reported hours over a day", "WORK_MODE", "reported",
                        n -> ((ObjectNode) n.get("attributes")).put("hours", "25"),
                        "BAD_VALUE [attributes.hours]: must be a decimal number of hours from 0 to 24, e.g. 7.75"),
                rule("several rules broken: the earliest reason of events.md wins", "MEETING", "held",
                        n -> n.put("kind", "meeting").put("occurred_at", "yesterday").put("extra", 1),
                        "UNKNOWN_FIELD [extra]: field is not part of WorkEvent"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldRejectWithTheReasonFieldAndRule(String label, ObjectNode event, String expected) {
        WorkEventJson.Result result = WorkEventJson.read(event);

        assertThat(result.accepted()).as(label).isFalse();
        assertThat(result.rejection().toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}/{1} is accepted as built")
    @MethodSource("everyAction")
    void shouldAcceptTheBaseEventOfEveryAction(String kind, String action) {
        assertThat(WorkEventJson.read(base(kind, action)).rejection()).isNull();
    }

    static Stream<Arguments> everyAction() {
        return Stream.of(org.mieruka.schemas.event.EventKind.values())
                .filter(kind -> kind != org.mieruka.schemas.event.EventKind.OTHER)
                .flatMap(kind -> ActionCatalog.actionsOf(kind).stream().sorted().map(a -> Arguments.of(kind.name(), a)));
    }

    @org.junit.jupiter.api.Test
    void shouldRejectWhatIsNotAnObjectAsMalformed() {
        assertThat(WorkEventJson.read(JSON.createArrayNode()).rejection().toString())
                .isEqualTo("MALFORMED: an event must be a JSON object");
        assertThat(WorkEventJson.read(JSON.getNodeFactory().textNode("e-1")).rejection().toString())
                .isEqualTo("MALFORMED: an event must be a JSON object");
    }
}
