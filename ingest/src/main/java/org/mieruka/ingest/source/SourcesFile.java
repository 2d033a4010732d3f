package org.mieruka.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.mieruka.schemas.config.InvalidConfigException;
import org.mieruka.schemas.privacy.PersonalDataPattern;
import org.mieruka.schemas.privacy.PersonalDataScanner;
import org.mieruka.schemas.source.AttributeAllowList;

/**
 * Reads the sources file into a {@link SourceRegistry}. Every problem is collected, so that an operator
 * fixes the file once. Problems name the place in the file, never an identity-map entry or staff id.
 */
final class SourcesFile {

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
        // The frame of the file (root keys, sources, ids, source keys) and the allow-lists are read as
        // the stream processors read them; the rest of each source is the collector's.
        ObjectNode root = AttributeAllowList.readRoot(file);
        AttributeAllowList allowLists = AttributeAllowList.read(file, root, problems);
        PersonalDataScanner personalData = patterns(root.get("personal_data_patterns"));
        Map<String, SourceRegistration> sources = new LinkedHashMap<>();
        JsonNode list = root.get("sources");
        if (list != null && list.isObject()) {
            list.fields().forEachRemaining(entry -> source(entry.getKey(), entry.getValue(), allowLists, defaults)
                    .ifPresent(registration -> sources.put(entry.getKey(), registration)));
        }
        if (!problems.isEmpty()) {
            throw failure(problems);
        }
        return new SourceRegistry(sources, personalData);
    }

    private Optional<SourceRegistration> source(String id, JsonNode node, AttributeAllowList allowLists,
                                                SourceLimits defaults) {
        String at = "sources." + id;
        if (!node.isObject()) {
            return Optional.empty(); // reported with the frame
        }
        int before = problems.size();
        Optional<IdentityMap> identityMap = identityMap(node.get("identity_map"), at + ".identity_map");
        Map<String, String> steps = textMap(node.get("steps"), at + ".steps", true);
        Optional<String> employee = optionalText(node.get("default_employee"), at + ".default_employee");
        Optional<String> process = optionalText(node.get("default_process_code"), at + ".default_process_code");
        SourceLimits limits = limits(node.get("limits"), at + ".limits", defaults);
        Optional<Set<String>> attributes = allowLists.allowed(id);
        if (problems.size() > before || attributes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SourceRegistration(id, attributes.get(), identityMap, new StepTable(steps), employee,
                process, limits));
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
