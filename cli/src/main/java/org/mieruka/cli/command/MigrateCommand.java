package org.mieruka.cli.command;

import java.util.Map;
import java.util.concurrent.Callable;
import org.mieruka.store.migrate.Migrator;
import org.mieruka.store.sink.SinkConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./mieruka migrate}: brings the ClickHouse database to the newest migration. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Create or upgrade Mieruka's ClickHouse tables (also done by the sink at start-up).")
public final class MigrateCommand implements Callable<Integer> {

    @Mixin
    ConfigFileOption config;

    @Override
    public Integer call() {
        SinkConfig settings = SinkConfig.load(config.file(), System.getenv(), Map.of());
        Migrator.Report report = new Migrator(settings.clickHouse).migrate();
        System.out.println("ClickHouse " + report.serverVersion() + " at " + settings.clickHouse);
        System.out.println(report.applied().isEmpty() ? "up to date (version " + report.currentVersion() + ")"
                : "applied: " + String.join(", ", report.applied()));
        return 0;
    }
}
