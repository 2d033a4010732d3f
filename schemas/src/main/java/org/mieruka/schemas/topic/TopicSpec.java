package org.mieruka.schemas.topic;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One topic of the catalog. The name is relative: deployments and tests add a prefix
 * ({@code topics.prefix}, default {@code mieruka.}) so that each test can own its topics.
 *
 * @param suffix      the name after the prefix
 * @param partitions  partitions created by default
 * @param compacted   true for upsert topics (reference data, metric updates): only the newest value per key is kept
 * @param retention   delete topics: how long records are kept; compacted topics: how long a tombstone (a
 *                    deletion) stays readable, so a consumer away for less than that still sees it
 * @param key         what the record key is
 * @param value       the Avro record the value holds
 * @param doc         what the topic is for
 */
public record TopicSpec(String suffix, int partitions, boolean compacted, Duration retention,
                        String key, String value, String doc) {

    public String name(String prefix) {
        return prefix + suffix;
    }

    /** The topic-level configuration used when the topic is created. */
    public Map<String, String> configs() {
        if (compacted) {
            return Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        }
        return Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
    }
}
