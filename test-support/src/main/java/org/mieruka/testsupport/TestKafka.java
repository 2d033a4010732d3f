package org.mieruka.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * A real Kafka broker for one test: its bootstrap address and a topic prefix no other test uses.
 *
 * @param bootstrapServers where clients connect
 * @param origin           where the broker came from (environment, testcontainers, in-jvm)
 * @param topicPrefix      prefix of every topic this test creates; unique per test
 */
public record TestKafka(String bootstrapServers, String origin, String topicPrefix) {

    /** Mieruka settings pointing at this broker and this test's topics. */
    public Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap", bootstrapServers);
        settings.put("topics.prefix", topicPrefix);
        return settings;
    }

    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }
}
