package org.mieruka.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.reference.ProcessDefinition;

class CompatibilityGateTest {

    /** The build's gate: fails with every problem listed when a schema change would break readers or writers. */
    @Test
    void everyCurrentSchemaIsReleasedAndCompatibleWithEveryEarlierRelease() {
        List<String> problems = CompatibilityGate.checkAll();

        assertThat(problems).as("schema compatibility gate").isEmpty();
        assertThat(SchemaCatalog.current()).allSatisfy(schema -> assertThat(SchemaHistory.of(schema)).isNotEmpty());
    }

    @Test
    void shouldNameRecordFieldAndProblemWhenAFieldChangesType() {
        String json = WorkEvent.getClassSchema().toString();
        int field = json.indexOf("{\"name\":\"duration_ms\",\"type\":[\"null\",\"long\"]");
        assertThat(field).isPositive();
        Schema broken = new Schema.Parser().parse(json.substring(0, field)
                + json.substring(field).replaceFirst("\\[\"null\",\"long\"]", "[\"null\",\"string\"]"));

        List<String> problems = CompatibilityGate.check(broken, SchemaHistory.of(WorkEvent.getClassSchema()));

        assertThat(problems).anySatisfy(p -> assertThat(p)
                .isEqualTo("WorkEvent: current cannot read data written by v1: field duration_ms: "
                        + "MISSING_UNION_BRANCH (reader union lacking writer type: LONG)"));
        assertThat(problems).contains("WorkEvent: v2 cannot read data written by the current version: field "
                + "duration_ms: MISSING_UNION_BRANCH (reader union lacking writer type: STRING)");
    }

    @Test
    void shouldNameTheFieldWhenARequiredFieldIsAddedWithoutDefault() {
        String json = WorkEvent.getClassSchema().toString()
                .replace("]}", ",{\"name\":\"channel_detail\",\"type\":\"string\"}]}");
        Schema broken = new Schema.Parser().parse(json);

        List<String> problems = CompatibilityGate.check(broken, SchemaHistory.of(WorkEvent.getClassSchema()));

        assertThat(problems).contains("WorkEvent: current cannot read data written by v1: field channel_detail: "
                + "READER_FIELD_MISSING_DEFAULT_VALUE (channel_detail)");
    }

    @Test
    void shouldNameTheNestedFieldOfAnEnumThatLostASymbolAndItsDefault() {
        String json = ProcessDefinition.getClassSchema().toString()
                .replace("\"symbols\":[\"YES\",\"PARTIAL\",\"NO\",\"OTHER\"],\"default\":\"OTHER\"",
                        "\"symbols\":[\"YES\",\"NO\"]");
        Schema broken = new Schema.Parser().parse(json);

        List<String> problems = CompatibilityGate.check(broken, SchemaHistory.of(ProcessDefinition.getClassSchema()));

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "ProcessDefinition: current cannot read data written by v1: field telework_eligibility: "
                        + "MISSING_ENUM_SYMBOLS"));
    }

    @Test
    void shouldAskForAReleaseWhenTheCurrentSchemaDiffersFromTheLatestRelease() {
        String json = WorkEvent.getClassSchema().toString()
                .replace("]}", ",{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}");

        List<String> problems = CompatibilityGate.check(new Schema.Parser().parse(json),
                SchemaHistory.of(WorkEvent.getClassSchema()));

        assertThat(problems).containsExactly("WorkEvent: differs from its latest release v2; release it as "
                + "org/mieruka/schemas/history/org.mieruka.schemas.event.WorkEvent/v3.avsc (a copy of the current "
                + "schema) once it passes this gate");
    }

    @Test
    void shouldIgnoreRewordedDocumentation() {
        String json = WorkEvent.getClassSchema().toString().replace("Unique within its source", "Unique per source");

        assertThat(CompatibilityGate.check(new Schema.Parser().parse(json), SchemaHistory.of(WorkEvent.getClassSchema())))
                .isEmpty();
    }

    @Test
    void shouldRefuseASchemaThatWasNeverReleased() {
        Schema fresh = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Fresh\",\"namespace\":\"x\","
                + "\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");

        assertThat(CompatibilityGate.check(fresh, SchemaHistory.of(fresh)))
                .containsExactly("Fresh: never released; add org/mieruka/schemas/history/x.Fresh/v1.avsc, "
                        + "a copy of the current schema");
    }
}
