package org.mieruka.testsupport;

import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;

/** The one broker shared by a test JVM; closed when the JVM's tests are done. */
final class KafkaHandle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaHandle.class);

    /** Broker settings without which exactly-once Streams hangs on a single node. */
    static final Map<String, String> SINGLE_NODE = Map.of(
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "5",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "transaction.state.log.num.partitions", "5",
            "share.coordinator.state.topic.replication.factor", "1",
            "share.coordinator.state.topic.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0");

    private final String bootstrapServers;
    private final String origin;
    private final AutoCloseable resource;

    private KafkaHandle(String bootstrapServers, String origin, AutoCloseable resource) {
        this.bootstrapServers = bootstrapServers;
        this.origin = origin;
        this.resource = resource;
    }

    static KafkaHandle fromEnvironment(String bootstrap) {
        return new KafkaHandle(bootstrap, "environment (MIERUKA_KAFKA_BOOTSTRAP)", () -> { });
    }

    static KafkaHandle fromTestcontainers() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
        SINGLE_NODE.forEach((key, value) -> container.withEnv("KAFKA_" + key.toUpperCase().replace('.', '_'), value));
        container.start();
        return new KafkaHandle(container.getBootstrapServers(), "testcontainers (apache/kafka)", container::stop);
    }

    static KafkaHandle inJvm() throws Exception {
        long started = System.nanoTime();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build());
        SINGLE_NODE.forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder.build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        LOG.info("in-JVM KRaft broker ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        return new KafkaHandle(cluster.bootstrapServers(), "in-jvm (KafkaClusterTestKit)", cluster);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String origin() {
        return origin;
    }

    @Override
    public void close() throws Exception {
        resource.close();
    }
}
