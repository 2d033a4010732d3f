package org.mieruka.ingest.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.mieruka.schemas.config.InvalidConfigException;
import org.mieruka.schemas.privacy.PersonalDataPattern;
import org.mieruka.schemas.privacy.PersonalDataScanner;

/**
 * Reads the sources file into a {@link SourceRegistry}. Every problem is collected, so that an operator
 * fixes the file once. Problems name the place in the file, never an identity-map entry or staff id.
 */
final class SourcesFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Set<String> ROOT_KEYS = Set.of("sources", "personal_data_patterns");
    private static final Set<String> SOURCE_KEYS = Set.of("allowed_attributes", "identity_map", "steps",
            "default_employee", "default_process_code", "limits");
    private static final Set<String> LIMIT_KEYS = Set.of("max_body_bytes", "max_events_per_batch",
            "requests_per_second");

    private final Path file;
    private final List<String> problems = new ArrayList<>();

    private SourcesFile(Path file) {
        this.file = file;
    }

    static SourceRegistry read(Path file, SourceLimits defaults) {
        return new SourcesFile(file).parse(defaults);
    }

    private SourceRegistry parse(SourceLimits defaults) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            // Only the position: Jackson's message may quote a token or a duplicate key, which in an
            // inline identity map is a user id.
            JsonLocation where = e.getLocation();
            throw failure(List.of(file + ": not valid JSON (a syntax error or a duplicate key)"
                    + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr())));
        } catch (IOException e) {
            throw failure(List.of(file + ": cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw failure(List.of(file + ": must be a JSON object with \"sources\""));
        }
        unknownKeys(root, ROOT_KEYS, "");
        PersonalDataScanner personalData = patterns(root.get("personal_data_patterns"));
        Map<String, SourceRegistration> sources = new LinkedHashMap<>();
        JsonNode list = root.get("sources");
        if (list == null || !list.isObject() || list.isEmpty()) {
            problem("sources", "must be an object with at least one source_system");
        } else {
            list.fields().forEachRemaining(entry -> source(entry.getKey(), entry.getValue(), defaults)
                    .ifPresent(registration -> sources.put(entry.getKey(), registration)));
        }
        if (!problems.isEmpty()) {
            throw failure(problems);
        }
        return new SourceRegistry(sources, personalData);
    }

    private Optional<SourceRegistration> source(String id, JsonNode node, SourceLimits defaults) {
        String at = "sources." + id;
        int before = problems.size();
        if (!SOURCE_ID.matcher(id).matches()) {
            problem(at, "not a valid source_system id: 1-64 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        if (!node.isObject()) {
            problem(at, "must be an object");
            return Optional.empty();
        }
        unknownKeys(node, SOURCE_KEYS, at + ".");
        Set<String> attributes = attributes(node.get("allowed_attributes"), at + ".allowed_attributes");
        Optional<IdentityMap> identityMap = identityMap(node.get("identity_map"), at + ".identity_map");
        Map<String, String> steps = textMap(node.get("steps"), at + ".steps", true);
        Optional<String> employee = optionalText(node.get("default_employee"), at + ".default_employee");
        Optional<String> process = optionalText(node.get("default_process_code"), at + ".default_process_code");
        SourceLimits limits = limits(node.get("limits"), at + ".limits", defaults);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new SourceRegistration(id, attributes, identityMap, new StepTable(steps), employee,
                process, limits));
    }

    private Set<String> attributes(JsonNode node, String at) {
        Set<String> attributes = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return attributes;
        }
        if (!node.isArray()) {
            problem(at, "must be an array of attribute names");
            return attributes;
        }
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                problem(at, "every entry must be a non-empty string");
            } else if (!attributes.add(item.asText())) {
                problem(at, "lists '" + item.asText() + "' twice");
            }
        }
        return attributes;
    }

    private Optional<IdentityMap> identityMap(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            Path csv = file.toAbsolutePath().getParent().resolve(node.asText());
            List<String> csvProblems = new ArrayList<>();
            Map<String, String> map = IdentityMapCsv.read(csv, csvProblems);
            csvProblems.forEach(p -> problem(at, p));
            return Optional.of(new IdentityMap(map));
        }
        if (!node.isObject()) {
            problem(at, "must be an object {source_user_id: employee} or the path of a CSV file");
            return Optional.empty();
        }
        int before = problems.size();
        Map<String, String> map = textMap(node, at, false);
        return problems.size() > before ? Optional.empty() : Optional.of(new IdentityMap(map));
    }

    /** A JSON object of non-empty strings; {@code nameKeys} false keeps identity-map ids out of messages. */
    private Map<String, String> textMap(JsonNode node, String at, boolean nameKeys) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            problem(at, "must be an object of strings");
            return map;
        }
        int[] index = {0};
        node.fields().forEachRemaining(entry -> {
            index[0]++;
            String where = nameKeys ? at + "." + entry.getKey() : at + " (entry " + index[0] + ")";
            if (entry.getKey().isBlank() || !entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                problem(where, "needs a non-empty name and a non-empty string value");
            } else {
                map.put(entry.getKey(), entry.getValue().asText().trim());
            }
        });
        return map;
    }

    private Optional<String> optionalText(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problem(at, "must be a non-empty string");
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    private SourceLimits limits(JsonNode node, String at, SourceLimits defaults) {
        if (node == null || node.isNull()) {
            return defaults;
        }
        if (!node.isObject()) {
            problem(at, "must be an object");
            return defaults;
        }
        unknownKeys(node, LIMIT_KEYS, at + ".");
        int body = whole(node, "max_body_bytes", at, defaults.maxBodyBytes(), SourceLimits.MIN_BODY_BYTES,
                SourceLimits.MAX_BODY_BYTES);
        int events = whole(node, "max_events_per_batch", at, defaults.maxEventsPerBatch(), 1, SourceLimits.MAX_EVENTS);
        int rate = whole(node, "requests_per_second", at, defaults.requestsPerSecond(), 1,
                SourceLimits.MAX_REQUESTS_PER_SECOND);
        return new SourceLimits(body, events, rate);
    }

    private int whole(JsonNode limits, String key, String at, int fallback, int min, int max) {
        JsonNode node = limits.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            problem(at + "." + key, "must be a whole number from " + min + " to " + max);
            return fallback;
        }
        return node.asInt();
    }

    private PersonalDataScanner patterns(JsonNode node) {
        if (node == null || node.isNull()) {
            return PersonalDataScanner.defaults();
        }
        if (!node.isObject()) {
            problem("personal_data_patterns", "must be an object {name: regular expression}");
            return PersonalDataScanner.defaults();
        }
        List<PersonalDataPattern> patterns = new ArrayList<>();
        node.fields().forEachRemaining(entry -> {
            String at = "personal_data_patterns." + entry.getKey();
            if (entry.getKey().isBlank() || !entry.getValue().isTextual() || entry.getValue().asText().isEmpty()) {
                problem(at, "needs a name and a regular expression");
                return;
            }
            try {
                patterns.add(new PersonalDataPattern(entry.getKey(), Pattern.compile(entry.getValue().asText())));
            } catch (PatternSyntaxException e) {
                problem(at, "not a valid regular expression (" + e.getDescription() + " at index " + e.getIndex() + ")");
            }
        });
        return new PersonalDataScanner(patterns);
    }

    private void unknownKeys(JsonNode node, Set<String> known, String prefix) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problem(prefix + name, "unknown key; expected one of " + new java.util.TreeSet<>(known));
            }
        });
    }

    private void problem(String at, String message) {
        problems.add(file.getFileName() + ": " + at + ": " + message);
    }

    private static InvalidConfigException failure(List<String> problems) {
        return new InvalidConfigException("sources", problems);
    }
}
