package org.mieruka.cli.command;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mieruka.store.migrate.Migrator;
import org.mieruka.store.sink.EventCountRows;
import org.mieruka.store.sink.MetricSink;
import org.mieruka.store.sink.SinkConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./mieruka sink}: migrates ClickHouse, then moves metric records into it until stopped. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Apply pending migrations, then insert the metric topics into ClickHouse until Ctrl-C or SIGTERM.")
public final class SinkCommand implements Callable<Integer> {

    @Mixin
    ConfigFileOption config;

    @Override
    public Integer call() throws Exception {
        SinkConfig settings = SinkConfig.load(config.file(), System.getenv(), Map.of());
        new Migrator(settings.clickHouse).migrate();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Shutdown shutdown = new Shutdown();
        MetricSink sink = new MetricSink(settings, List.of(EventCountRows.route()), registry);
        Thread worker = new Thread(sink, "sink");
        try (MetricsServer metrics = new MetricsServer("0.0.0.0", settings.metricsPort, registry, worker::isAlive)
                .start()) {
            worker.start();
            shutdown.await();
            sink.close();
            worker.join(30_000);
        } finally {
            shutdown.done();
        }
        return 0;
    }
}
