package org.mieruka.schemas.evolution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * The build's guard against breaking the event contract: the current version of every record must
 * be released (identical to the newest file of its history) and fully compatible with every earlier
 * release: it reads what they wrote, and they read what it writes. Each problem names the record,
 * the field and what Avro's {@link SchemaCompatibility} found.
 */
public final class CompatibilityGate {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> IGNORED = Set.of("doc", "doc_ja", "avro.java.string");

    private CompatibilityGate() {
    }

    /** Problems of {@code current} against its history; empty when the schema may ship. */
    public static List<String> check(Schema current, List<ReleasedSchema> history) {
        String name = current.getName();
        List<String> problems = new ArrayList<>();
        if (history.isEmpty()) {
            problems.add(name + ": never released; add " + SchemaHistory.ROOT + current.getFullName()
                    + "/v1.avsc, a copy of the current schema");
            return problems;
        }
        ReleasedSchema latest = history.get(history.size() - 1);
        if (!sameContract(latest.schema(), current)) {
            problems.add(name + ": differs from its latest release v" + latest.version() + "; release it as "
                    + SchemaHistory.ROOT + current.getFullName() + "/v" + (latest.version() + 1)
                    + ".avsc (a copy of the current schema) once it passes this gate");
        }
        for (ReleasedSchema released : history) {
            report(problems, name, "current cannot read data written by v" + released.version(),
                    current, released.schema());
            report(problems, name, "v" + released.version() + " cannot read data written by the current version",
                    released.schema(), current);
        }
        return problems;
    }

    /**
     * Equal except for documentation ({@code doc}, {@code doc_ja}) and the code generator's
     * {@code avro.java.string} hint: rewording a description is not a new version, while a changed
     * default, logical type or alias is.
     */
    static boolean sameContract(Schema a, Schema b) {
        try {
            return contract(JSON.readTree(a.toString())).equals(contract(JSON.readTree(b.toString())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro printed a schema that is not JSON", e);
        }
    }

    private static JsonNode contract(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode kept = JSON.createObjectNode();
            object.fields().forEachRemaining(entry -> {
                if (!IGNORED.contains(entry.getKey())) {
                    kept.set(entry.getKey(), contract(entry.getValue()));
                }
            });
            // {"type": "string"} left after removing a hint is the same schema as "string"
            return kept.size() == 1 && kept.path("type").isTextual() ? kept.get("type") : kept;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode kept = JSON.createArrayNode();
            array.forEach(element -> kept.add(contract(element)));
            return kept;
        }
        return node;
    }

    /** Problems of every schema of the {@link SchemaCatalog}. */
    public static List<String> checkAll() {
        List<String> problems = new ArrayList<>();
        for (Schema current : SchemaCatalog.current()) {
            problems.addAll(check(current, SchemaHistory.of(current)));
        }
        return problems;
    }

    private static void report(List<String> problems, String name, String direction, Schema reader, Schema writer) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
            problems.add(name + ": " + direction + ": field " + FieldPath.of(reader, incompatibility.getLocation())
                    + ": " + incompatibility.getType() + " (" + incompatibility.getMessage() + ")");
        }
    }

    /** Run by the build (exec in the schemas module): exits 1 and prints every problem when the gate fails. */
    public static void main(String[] args) {
        List<String> problems = checkAll();
        if (problems.isEmpty()) {
            System.out.println("schema compatibility gate: " + SchemaCatalog.current().size()
                    + " records, all compatible with every released version");
            return;
        }
        System.err.println("schema compatibility gate FAILED:");
        problems.forEach(problem -> System.err.println("  - " + problem));
        System.exit(1);
    }
}
