package org.mieruka.cli.command;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import org.mieruka.streams.StreamsApp;
import org.mieruka.streams.StreamsAppConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./mieruka streams}: runs the stream processors (exactly once) until stopped. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Run the Kafka Streams processors under exactly_once_v2 until Ctrl-C or SIGTERM.")
public final class StreamsCommand implements Callable<Integer> {

    @Mixin
    ConfigFileOption config;

    @Override
    public Integer call() throws Exception {
        StreamsAppConfig settings = StreamsAppConfig.load(config.file(), System.getenv(), Map.of());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Heap and GC beside the Streams metrics: state lives off-heap, so a growing heap is a signal.
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(registry);
        Shutdown shutdown = new Shutdown();
        try (StreamsApp app = new StreamsApp(settings, registry);
             MetricsServer metrics = new MetricsServer("0.0.0.0", settings.metricsPort, registry,
                     () -> app.state() == KafkaStreams.State.RUNNING).start()) {
            app.start();
            shutdown.await();
        } finally {
            shutdown.done();
        }
        return 0;
    }
}
