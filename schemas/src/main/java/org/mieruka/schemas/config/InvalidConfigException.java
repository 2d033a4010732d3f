package org.mieruka.schemas.config;

import java.util.List;
import org.apache.kafka.common.config.ConfigException;

/** Start-up configuration with one or more bad keys; the message lists every one of them. */
public final class InvalidConfigException extends ConfigException {

    private final List<String> problems;

    public InvalidConfigException(String component, List<String> problems) {
        super("invalid " + component + " configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
