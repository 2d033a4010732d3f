package org.mieruka.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the launcher runs from: {@code -Dmieruka.home}, else the working directory. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path get() {
        String home = System.getProperty("mieruka.home");
        Path root = home == null ? Path.of("").toAbsolutePath() : Path.of(home).toAbsolutePath();
        return root.normalize();
    }

    public static boolean isCheckout(Path root) {
        return Files.exists(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("cli"));
    }
}
