package org.mieruka.schemas.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.docs.SchemaTable.Language;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.evolution.SchemaCatalog;
import org.mieruka.schemas.json.ActionCatalog;
import org.mieruka.schemas.json.WorkEventJson;

/**
 * docs/events.md and docs/events.ja.md against the schemas: every record's field table, every
 * action, every reason code in precedence order, and one accepted example per kind. Run with
 * {@code -Dmieruka.docs.write=true} to rewrite the generated field tables after a schema change.
 */
class EventDocsTest {

    private static final Pattern SCHEMA_BLOCK =
            Pattern.compile("<!-- schema: ([\\w.]+) -->\\n(.*?)<!-- /schema -->", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("`([A-Za-z_]+)`");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> docs() {
        Path docs = Path.of(System.getProperty("mieruka.project.root", "..")).resolve("docs");
        return Stream.of(Arguments.of(docs.resolve("events.md"), Language.EN),
                Arguments.of(docs.resolve("events.ja.md"), Language.JA));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("docs")
    void shouldShowEveryRecordExactlyAsItsSchema(Path file, Language language) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, Schema> expected = new LinkedHashMap<>();
        for (Schema record : SchemaCatalog.current()) {
            expected.put(record.getFullName(), record);
            SchemaTable.nestedRecords(record).forEach(nested -> expected.put(nested.getFullName(), nested));
        }

        StringBuilder rewritten = new StringBuilder();
        Matcher block = SCHEMA_BLOCK.matcher(text);
        Set<String> documented = new LinkedHashSet<>();
        List<String> stale = new ArrayList<>();
        while (block.find()) {
            String name = block.group(1);
            Schema schema = expected.get(name);
            assertThat(schema).as(file + " documents " + name + ", which is no record of the catalog").isNotNull();
            String table = SchemaTable.render(schema, language);
            if (!block.group(2).equals(table)) {
                stale.add(name);
            }
            documented.add(name);
            block.appendReplacement(rewritten,
                    Matcher.quoteReplacement("<!-- schema: " + name + " -->\n" + table + "<!-- /schema -->"));
        }
        block.appendTail(rewritten);
        if (Boolean.getBoolean("mieruka.docs.write")) {
            Files.writeString(file, rewritten.toString(), StandardCharsets.UTF_8);
            stale.clear();
        }

        assertThat(documented).as("records with a table in " + file).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(stale).as("tables of " + file + " that differ from their schema; "
                + "regenerate with: mvn -pl schemas test -Dtest=EventDocsTest -Dmieruka.docs.write=true").isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("docs")
    void shouldListEveryActionOfEveryKind(Path file, Language language) throws IOException {
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (String row : rows(section(file, "actions"))) {
            List<String> codes = codes(row);
            documented.put(codes.get(0), new LinkedHashSet<>(codes.subList(1, codes.size())));
        }

        Map<String, Set<String>> expected = new LinkedHashMap<>();
        for (EventKind kind : EventKind.values()) {
            if (kind != EventKind.OTHER) {
                expected.put(kind.name(), ActionCatalog.actionsOf(kind));
            }
        }
        assertThat(documented).as("kinds and actions of " + file).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("docs")
    void shouldListTheReasonCodesInPrecedenceOrder(Path file, Language language) throws IOException {
        List<String> documented = rows(section(file, "reasons")).stream().map(row -> codes(row).get(0)).toList();

        List<String> expected = Stream.of(RejectionReason.values()).filter(r -> r != RejectionReason.OTHER)
                .map(Enum::name).toList();
        assertThat(documented).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("docs")
    void shouldGiveOneAcceptedExamplePerKind(Path file, Language language) throws IOException {
        List<String> examples = examples(file);
        Set<String> kinds = new LinkedHashSet<>();
        for (String example : examples) {
            WorkEventJson.Result result = WorkEventJson.read(JSON.readTree(example));
            assertThat(result.rejection()).as("example in " + file + ":\n" + example).isNull();
            kinds.add(result.event().getKind().name());
        }
        assertThat(kinds).containsExactlyInAnyOrder("DOCUMENT", "MEETING", "WORKFLOW", "PRESENCE", "WORK_MODE");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("docs")
    void shouldShowTheSameExamplesInBothLanguages(Path file, Language language) throws IOException {
        Path english = file.resolveSibling("events.md");
        assertThat(examples(file)).containsExactlyElementsOf(examples(english));
    }

    private static List<String> examples(Path file) throws IOException {
        List<String> examples = new ArrayList<>();
        Matcher json = JSON_BLOCK.matcher(section(file, "examples"));
        while (json.find()) {
            examples.add(json.group(1));
        }
        return examples;
    }

    private static String section(Path file, String name) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String open = "<!-- " + name + " -->";
        String close = "<!-- /" + name + " -->";
        int start = text.indexOf(open);
        int end = text.indexOf(close);
        assertThat(start).as(file + " has a section " + open).isNotNegative();
        assertThat(end).as(file + " closes " + open).isGreaterThan(start);
        return text.substring(start + open.length(), end);
    }

    /** Table rows of a section, without header and separator. */
    private static List<String> rows(String section) {
        return section.lines().filter(line -> line.startsWith("| `")).toList();
    }

    private static List<String> codes(String row) {
        List<String> codes = new ArrayList<>();
        Matcher code = CODE.matcher(row.split("\\|")[1] + "|" + (row.split("\\|").length > 2 ? row.split("\\|")[2] : ""));
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }
}
