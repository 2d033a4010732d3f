package org.mieruka.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real public data the project tests against (shared/data, beside the repository; its README
 * gives origin and licence). Looked up in MIERUKA_SHARED_DATA, then next to the project root, then
 * at /work/shared/data; a test that needs it fails, naming where it looked, rather than skip.
 */
public final class SharedData {

    private SharedData() {
    }

    /** A file under shared/data, e.g. {@code workflow/receipt.xes}. */
    public static Path file(String relative) {
        List<Path> tried = new ArrayList<>();
        String env = System.getenv("MIERUKA_SHARED_DATA");
        if (env != null && !env.isBlank()) {
            tried.add(Path.of(env));
        }
        String root = System.getProperty("mieruka.project.root");
        Path projectRoot = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        if (projectRoot != null) {
            tried.add(projectRoot.resolve("../shared/data").normalize());
        }
        tried.add(Path.of("/work/shared/data"));
        for (Path base : tried) {
            Path candidate = base.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared data " + relative + " not found in " + tried
                + "; set MIERUKA_SHARED_DATA to the folder that holds it");
    }
}
