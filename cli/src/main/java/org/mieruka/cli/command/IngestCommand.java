package org.mieruka.cli.command;

import java.util.Map;
import java.util.concurrent.Callable;
import org.mieruka.ingest.IngestConfig;
import org.mieruka.ingest.IngestServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./mieruka ingest}: runs the HTTP collector until stopped. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Run the HTTP collector (POST /v1/events, /health/*, /metrics) until Ctrl-C or SIGTERM.")
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    ConfigFileOption config;

    @Override
    public Integer call() throws Exception {
        IngestConfig settings = IngestConfig.load(config.file(), System.getenv(), Map.of());
        Shutdown shutdown = new Shutdown();
        try (IngestServer server = IngestServer.withPrometheus(settings)) {
            server.start();
            shutdown.await();
        } finally {
            shutdown.done();
        }
        return 0;
    }
}
