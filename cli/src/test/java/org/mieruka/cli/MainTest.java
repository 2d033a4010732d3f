package org.mieruka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    @Test
    void shouldListTheSubcommands() {
        StringBuilder usage = new StringBuilder();
        new CommandLine(new Main()).getSubcommands().keySet().forEach(name -> usage.append(name).append(' '));

        assertThat(usage.toString()).contains("demo", "test", "stack", "ingest", "streams", "sink", "migrate");
    }

    @Test
    void shouldExitWith2AndListEveryBadSettingAtOnce() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new Main()).setExecutionExceptionHandler(new ErrorHandler());
        cli.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        java.nio.file.Path file;
        try {
            file = java.nio.file.Files.createTempFile("mieruka", ".properties");
            java.nio.file.Files.writeString(file, "sink.batch.rows=0\nclickhouse.database=\nsink.retry.max-backoff-ms=x\n");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }

        int exit = cli.execute("migrate", "--config", file.toString());

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(ErrorHandler.CONFIG);
        assertThat(message).contains("invalid sink configuration", "sink.batch.rows", "clickhouse.database",
                "sink.retry.max-backoff-ms");
    }
}
