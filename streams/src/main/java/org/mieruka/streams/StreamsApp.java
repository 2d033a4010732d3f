package org.mieruka.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.mieruka.streams.privacy.PrivacyTopology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.schemas.topic.TopicProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs Mieruka's topology under exactly_once_v2: start, report state, close. */
public final class StreamsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

    private final StreamsAppConfig config;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;

    public StreamsApp(StreamsAppConfig config, MeterRegistry registry) {
        this.config = config;
        StreamsBuilder builder = new StreamsBuilder();
        PrivacyTopology.build(builder, config.topicsPrefix, config.pseudonymKeys, config.allowList, config.zone,
                config.latenessGrace, registry);
        MetricsTopology.build(builder, config.topicsPrefix, config.workRules, config.dayRetention, registry);
        Topology topology = EventCountTopology.build(builder, config);
        this.streams = new KafkaStreams(topology, properties(config));
        this.metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        streams.setStateListener((now, before) -> LOG.info("streams state from={} to={}", before, now));
    }

    public void start() throws InterruptedException {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap);
        try (Admin client = Admin.create(admin)) {
            new TopicProvisioner(client, config.topicsPrefix, config.replicationFactor).ensure(TopicCatalog.all());
        }
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Waits until the instance processes (RUNNING) or fails. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
                return false;
            }
            Thread.sleep(100);
        }
        return false;
    }

    static Properties properties(StreamsAppConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval.toMillis());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.replicationFactor);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads);
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, StateMemory.class);
        props.put(StateMemory.BUDGET_BYTES, Long.toString(config.stateMemoryBytes));
        // An undecodable input record is logged (topic/partition/offset, never its bytes) and counted in
        // the dropped-records metric instead of stopping every metric of the city.
        props.put(StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class);
        return props;
    }

    /**
     * Stops processing and leaves the consumer group, so that the next instance (a restart, the next
     * demo run) gets the partitions at once instead of after the session timeout (45 s).
     */
    @Override
    public void close() {
        streams.close(org.apache.kafka.streams.CloseOptions.groupMembershipOperation(
                org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        metrics.close();
    }
}
