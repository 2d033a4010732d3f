package org.mieruka.schemas.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Reads a deployable's settings, declared once as a Kafka {@link ConfigDef}, from (lowest to highest
 * precedence) the defaults, an optional properties file, the environment ({@code ingest.http.port} is
 * {@code MIERUKA_INGEST_HTTP_PORT}) and explicit overrides. Every bad key is reported at once.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    public static String envName(String key) {
        return "MIERUKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The raw values for the keys of {@code def}, merged from every source. */
    public static Map<String, String> gather(ConfigDef def, Path file, Map<String, String> env,
                                             Map<String, String> overrides) {
        Map<String, String> raw = new HashMap<>();
        if (file != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new InvalidConfigException("file", List.of(file + ": cannot be read (" + e.getMessage() + ")"));
            }
            for (String key : def.names()) {
                if (properties.containsKey(key)) {
                    raw.put(key, properties.getProperty(key).trim());
                }
            }
        }
        for (String key : def.names()) {
            String value = env.get(envName(key));
            if (value != null) {
                raw.put(key, value.trim());
            }
        }
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            if (def.names().contains(override.getKey())) {
                raw.put(override.getKey(), override.getValue());
            }
        }
        return raw;
    }

    /** Parses and validates; throws {@link InvalidConfigException} naming every bad key. */
    public static Map<String, Object> parse(String component, ConfigDef def, Map<String, String> raw) {
        List<String> problems = new ArrayList<>();
        for (ConfigValue value : def.validate(raw)) {
            // One line per key: the first message is the cause; later ones only repeat it.
            value.errorMessages().stream().findFirst().ifPresent(message ->
                    problems.add(value.name() + " (" + envName(value.name()) + "): " + message));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(component, problems);
        }
        return def.parse(raw);
    }

    /** A Markdown table of the keys of {@code def}: key, environment variable, type, default, doc. */
    public static String markdown(String title, ConfigDef def) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(title).append("\n\n");
        out.append("| key | environment | type | default | valid values | description |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (ConfigDef.ConfigKey key : new java.util.TreeMap<>(def.configKeys()).values()) {
            out.append("| `").append(key.name).append("` | `").append(envName(key.name)).append("` | ")
                    .append(key.type.name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(key.hasDefault() ? "`" + ConfigDef.convertToString(key.defaultValue, key.type) + "`" : "(required)")
                    .append(" | ").append(key.validator == null ? "" : key.validator.toString().replace("|", "\\|"))
                    .append(" | ").append(key.documentation.replace("|", "\\|").replace("\n", " ")).append(" |\n");
        }
        return out.append('\n').toString();
    }
}
