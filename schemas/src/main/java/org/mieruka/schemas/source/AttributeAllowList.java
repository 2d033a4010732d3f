package org.mieruka.schemas.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mieruka.schemas.config.InvalidConfigException;
import org.mieruka.schemas.event.EventKind;

/**
 * The attribute allow-lists of the sources file (docs/sources.md): source_system → the attribute keys
 * kept on its events. events.md: "An attribute not on its source's allow-list is dropped and counted;
 * the event is kept." The collectors and importers apply it on the way in, the privacy stage of the
 * stream processors again on every raw event, whatever wrote it.
 *
 * <p>This class reads the frame of the file that both need: valid JSON without duplicate keys, the
 * root keys, {@code sources} with at least one source, each source's id and keys, and its
 * {@code allowed_attributes}. The rest of a source (identity map, steps, limits) and
 * {@code personal_data_patterns} are the collector's to validate. Problems name the place in the
 * file, never a value that could be an identity.
 */
public final class AttributeAllowList {

    /** The component named by {@link InvalidConfigException}s about the sources file. */
    public static final String COMPONENT = "sources";
    /** A source_system id: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit. */
    public static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** The keys of the file's root object. */
    public static final Set<String> ROOT_KEYS = Set.of("sources", "personal_data_patterns");
    /** The keys of one source's object. */
    public static final Set<String> SOURCE_KEYS = Set.of("allowed_attributes", "identity_map", "steps",
            "default_employee", "default_process_code", "limits");

    /**
     * Attributes the contract itself defines for a kind. They are kept whatever the allow-list says:
     * dropping {@code step} or {@code date} would turn an accepted event into one that breaks the
     * contract downstream (docs/data-dictionary.md, "Readings").
     */
    private static final Map<EventKind, Set<String>> CONTRACT_ATTRIBUTES = Map.of(
            EventKind.WORKFLOW, Set.of("step"),
            EventKind.WORK_MODE, Set.of("date", "hours"));

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Map<String, Set<String>> allowed;

    /** @param allowed source_system → the attribute keys kept on its events (a source not listed is unknown) */
    public AttributeAllowList(Map<String, Set<String>> allowed) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        allowed.forEach((source, attributes) -> copy.put(source, Set.copyOf(attributes)));
        this.allowed = Map.copyOf(copy);
    }

    /**
     * Reads and validates the allow-lists of a sources file, reporting every problem at once.
     *
     * @throws InvalidConfigException (component {@value #COMPONENT}) listing each problem
     */
    public static AttributeAllowList read(Path file) {
        ObjectNode root = readRoot(file);
        List<String> problems = new ArrayList<>();
        AttributeAllowList lists = read(file, root, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(COMPONENT, problems);
        }
        return lists;
    }

    /**
     * The file's root object. A file that cannot be read, is no JSON, has a duplicate key or is no
     * object is refused at once: nothing else can be checked.
     *
     * @throws InvalidConfigException (component {@value #COMPONENT}) with the one problem
     */
    public static ObjectNode readRoot(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            // Only the position: Jackson's message may quote a token or a duplicate key, which in an
            // inline identity map is a user id.
            JsonLocation where = e.getLocation();
            throw failure(file + ": not valid JSON (a syntax error or a duplicate key)"
                    + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr()));
        } catch (IOException e) {
            throw failure(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw failure(file + ": must be a JSON object with \"sources\"");
        }
        return (ObjectNode) root;
    }

    /**
     * Checks the frame of the file (root keys, {@code sources}, each source's id, keys and
     * {@code allowed_attributes}), adding each problem to {@code problems} as
     * {@code "<file name>: <place>: <problem>"}.
     *
     * @return the allow-lists of the sources without problems in these parts
     */
    public static AttributeAllowList read(Path file, ObjectNode root, List<String> problems) {
        String name = String.valueOf(file.getFileName());
        unknownKeys(root, ROOT_KEYS, "", name, problems);
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        JsonNode sources = root.get("sources");
        if (sources == null || !sources.isObject() || sources.isEmpty()) {
            problems.add(name + ": sources: must be an object with at least one source_system");
            return new AttributeAllowList(lists);
        }
        sources.fields().forEachRemaining(entry -> {
            String id = entry.getKey();
            String at = "sources." + id;
            int before = problems.size();
            if (!SOURCE_ID.matcher(id).matches()) {
                problems.add(name + ": " + at + ": not a valid source_system id: 1-64 letters, digits, '.', '_' or "
                        + "'-', starting with a letter or digit");
            }
            JsonNode node = entry.getValue();
            if (!node.isObject()) {
                problems.add(name + ": " + at + ": must be an object");
                return;
            }
            unknownKeys(node, SOURCE_KEYS, at + ".", name, problems);
            Set<String> attributes = attributes(node.get("allowed_attributes"), name + ": " + at
                    + ".allowed_attributes: ", problems);
            if (problems.size() == before) {
                lists.put(id, attributes);
            }
        });
        return new AttributeAllowList(lists);
    }

    private static Set<String> attributes(JsonNode node, String at, List<String> problems) {
        Set<String> attributes = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return attributes;
        }
        if (!node.isArray()) {
            problems.add(at + "must be an array of attribute names");
            return attributes;
        }
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                problems.add(at + "every entry must be a non-empty string");
            } else if (!attributes.add(item.asText())) {
                problems.add(at + "lists '" + item.asText() + "' twice");
            }
        }
        return attributes;
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, String file,
                                    List<String> problems) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                problems.add(file + ": " + prefix + key + ": unknown key; expected one of " + new TreeSet<>(known));
            }
        });
    }

    private static InvalidConfigException failure(String problem) {
        return new InvalidConfigException(COMPONENT, List.of(problem));
    }

    /** The registered source_system ids. */
    public Set<String> sources() {
        return allowed.keySet();
    }

    public boolean registered(String sourceSystem) {
        return sourceSystem != null && allowed.containsKey(sourceSystem);
    }

    /** The attribute keys kept on the source's events, or empty when the source is not registered. */
    public Optional<Set<String>> allowed(String sourceSystem) {
        return Optional.ofNullable(sourceSystem == null ? null : allowed.get(sourceSystem));
    }

    /** The attributes the contract defines for {@code kind}, kept whatever an allow-list says. */
    public static Set<String> contractAttributes(EventKind kind) {
        return kind == null ? Set.of() : CONTRACT_ATTRIBUTES.getOrDefault(kind, Set.of());
    }

    /**
     * The attributes of an event of {@code kind} that stay: those on {@code allowed} and those the
     * contract defines for the kind, in their order. The caller counts the difference in size.
     */
    public static Map<String, String> kept(Set<String> allowed, EventKind kind, Map<String, String> attributes) {
        Set<String> contract = contractAttributes(kind);
        Map<String, String> kept = new LinkedHashMap<>();
        attributes.forEach((key, value) -> {
            if (allowed.contains(key) || contract.contains(key)) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    /** Source ids are configuration, not personal data; attribute names are left out all the same. */
    @Override
    public String toString() {
        return "AttributeAllowList" + new TreeSet<>(allowed.keySet());
    }
}
