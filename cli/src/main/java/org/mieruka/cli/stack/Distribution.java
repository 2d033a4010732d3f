package org.mieruka.cli.stack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where this distribution's jars and the JVM running it are. */
public final class Distribution {

    private Distribution() {
    }

    /** The folder of the runtime jars: {@code lib/} beside {@code mieruka-cli.jar}. */
    public static Path libDir() {
        try {
            Path jar = Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = (Files.isDirectory(jar) ? jar.getParent() : jar.getParent()).resolve("lib");
            if (!Files.isDirectory(lib)) {
                throw new StackException("no lib/ folder beside " + jar + "; build the distribution with"
                        + " 'mvn -pl cli -am package' (./mieruka does this on first use)");
            }
            return lib;
        } catch (URISyntaxException e) {
            throw new StackException("cannot locate the distribution", e);
        }
    }

    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
