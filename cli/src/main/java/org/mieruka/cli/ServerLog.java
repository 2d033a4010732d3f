package org.mieruka.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mieruka.cli.stack.LocalClickHouse;
import org.mieruka.cli.stack.StackConfig;

/**
 * The local ClickHouse server's newest error line. ClickHouse 18.16 sends clients no readable error
 * text, so the CLI shows the server's own explanation next to the failed SQL.
 */
final class ServerLog {

    private ServerLog() {
    }

    static Optional<String> lastError() {
        try {
            LocalClickHouse local = new LocalClickHouse(StackConfig.load(ProjectRoot.get(), System.getenv()));
            Path log = local.errorLog();
            if (local.external() || !Files.isReadable(log)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0 && i >= lines.size() - 200; i--) {
                String line = lines.get(i);
                int at = line.indexOf("DB::Exception: ");
                if (at >= 0 && line.contains("executeQuery")) {
                    String text = line.substring(at + "DB::Exception: ".length());
                    return Optional.of(text.length() > 400 ? text.substring(0, 400) + " …" : text);
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
