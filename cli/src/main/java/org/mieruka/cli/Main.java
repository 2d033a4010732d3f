package org.mieruka.cli;

import org.mieruka.cli.command.ConfigDocsCommand;
import org.mieruka.cli.command.DemoCommand;
import org.mieruka.cli.command.ImportCommand;
import org.mieruka.cli.command.IngestCommand;
import org.mieruka.cli.command.MigrateCommand;
import org.mieruka.cli.command.SimulateCommand;
import org.mieruka.cli.command.SinkCommand;
import org.mieruka.cli.command.StackCommand;
import org.mieruka.cli.command.StreamsCommand;
import org.mieruka.cli.command.TestCommand;
import org.mieruka.cli.command.TokensCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./mieruka}: the root command lists the subcommands; only {@link #main} exits. */
@Command(name = "mieruka", mixinStandardHelpOptions = true, version = "Mieruka 0.1.0",
        description = {"見える化 — workload, process and telework-effect metrics for a city government.", ""},
        subcommands = {DemoCommand.class, TestCommand.class, StackCommand.class, IngestCommand.class,
                StreamsCommand.class, SinkCommand.class, MigrateCommand.class, SimulateCommand.class, ImportCommand.class,
                TokensCommand.class,
                ConfigDocsCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Interactive commands keep the terminal for their own output; services log INFO to the console.
        if (args.length > 0 && !java.util.Set.of("ingest", "streams", "sink").contains(args[0])) {
            System.setProperty("mieruka.console.level", "WARN");
            System.setProperty("mieruka.kafka.level", "ERROR");
        }
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new ErrorHandler())
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
