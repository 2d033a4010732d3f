package org.mieruka.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A broker of its own for a test that stops Kafka on purpose (to see what a client does when Kafka
 * goes away). Always in this JVM: it needs no Docker, and stopping the shared broker would break
 * the other tests.
 */
public final class DisposableKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private boolean stopped;

    private DisposableKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static DisposableKafka start() throws Exception {
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build());
        KafkaHandle.SINGLE_NODE.forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder.build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new DisposableKafka(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Stops the broker now; clients see it gone. */
    public void stop() throws Exception {
        if (!stopped) {
            stopped = true;
            cluster.close();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
