package org.mieruka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {

    private static CommandLine cli(ByteArrayOutputStream err) {
        CommandLine cli = new CommandLine(new Main()).setExecutionExceptionHandler(new ErrorHandler());
        cli.setErr(new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        return cli;
    }

    @Test
    void shouldWriteTheEventsReferenceDataScenarioAndTruth(@TempDir Path out) throws Exception {
        int exit = cli(new ByteArrayOutputStream()).execute("simulate", "--staff", "40", "--from", "2026-06-01",
                "--to", "2026-06-02", "--out", out.toString(), "--pilot-start", "2026-06-02");

        assertThat(exit).isZero();
        assertThat(Files.readAllLines(out.resolve("events.jsonl"))).hasSizeGreaterThan(500);
        assertThat(Files.readString(out.resolve("scenario.json"))).contains("\"start_date\" : \"2026-06-02\"");
        assertThat(Files.readString(out.resolve("truth.json"))).contains("\"teleworkEffect\"");
        assertThat(out.resolve("directory.jsonl")).isNotEmptyFile();
    }

    @Test
    void shouldExitWith2NamingEveryBadScenarioSetting(@TempDir Path out) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = cli(err).execute("simulate", "--staff", "10", "--out", out.toString(), "--pilot-units", "nope",
                "--home-share", "3");

        assertThat(exit).isEqualTo(ErrorHandler.CONFIG);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("invalid scenario configuration",
                "treated unit nope is not a section of the org chart", "homeShare 3.0 outside [0, 1]");
    }
}
