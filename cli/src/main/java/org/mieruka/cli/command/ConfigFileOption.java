package org.mieruka.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}: a properties file of settings; the environment (MIERUKA_...) overrides it. */
public final class ConfigFileOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with settings (see docs/configuration.md); MIERUKA_* variables override it.")
    Path file;

    public Path file() {
        return file;
    }
}
