package org.mieruka.store.sink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.mieruka.schemas.config.CommonSettings;
import org.mieruka.schemas.config.ConfigLoader;
import org.mieruka.store.ClickHouseEndpoint;
import org.mieruka.store.ClickHouseSettings;

/** Settings of the sink ({@code ./mieruka sink}), read once at start-up. */
public final class SinkConfig {

    public static final String GROUP_ID = "sink.group-id";
    public static final String BATCH_ROWS = "sink.batch.rows";
    public static final String BATCH_MAX_DELAY = "sink.batch.max-delay-ms";
    public static final String RETRY_INITIAL = "sink.retry.initial-backoff-ms";
    public static final String RETRY_MAX = "sink.retry.max-backoff-ms";

    public static final ConfigDef DEFINITION = definition();

    public final String bootstrap;
    public final String topicsPrefix;
    public final ClickHouseEndpoint clickHouse;
    public final String groupId;
    public final int batchRows;
    public final Duration batchMaxDelay;
    public final Duration retryInitial;
    public final Duration retryMax;
    public final int metricsPort;

    public SinkConfig(Map<String, String> raw) {
        Map<String, Object> v = ConfigLoader.parse("sink", DEFINITION, raw);
        bootstrap = (String) v.get(CommonSettings.KAFKA_BOOTSTRAP);
        topicsPrefix = (String) v.get(CommonSettings.TOPICS_PREFIX);
        clickHouse = ClickHouseSettings.endpoint(v);
        groupId = (String) v.get(GROUP_ID);
        batchRows = (Integer) v.get(BATCH_ROWS);
        batchMaxDelay = Duration.ofMillis((Long) v.get(BATCH_MAX_DELAY));
        retryInitial = Duration.ofMillis((Long) v.get(RETRY_INITIAL));
        retryMax = Duration.ofMillis((Long) v.get(RETRY_MAX));
        metricsPort = (Integer) v.get(CommonSettings.METRICS_PORT);
    }

    public static SinkConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        return new SinkConfig(ConfigLoader.gather(DEFINITION, file, env, overrides));
    }

    private static ConfigDef definition() {
        ConfigDef def = new ConfigDef();
        CommonSettings.defineKafka(def);
        ClickHouseSettings.define(def);
        CommonSettings.defineMetricsPort(def, 9403);
        return def
                .define(GROUP_ID, Type.STRING, "mieruka-sink", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                        "Kafka consumer group of the sink; offsets are committed only after ClickHouse stored the rows.")
                .define(BATCH_ROWS, Type.INT, 10_000, ConfigDef.Range.between(1, 1_000_000), Importance.MEDIUM,
                        "Rows per insert at most. ClickHouse prefers few large inserts (at least 1,000 rows).")
                .define(BATCH_MAX_DELAY, Type.LONG, 1_000L, ConfigDef.Range.between(10, 600_000), Importance.MEDIUM,
                        "Longest a row waits before its batch is inserted, in ms (about one insert per second per table).")
                .define(RETRY_INITIAL, Type.LONG, 500L, ConfigDef.Range.between(10, 60_000), Importance.LOW,
                        "First wait before retrying an insert ClickHouse could not take, in ms; doubles each time.")
                .define(RETRY_MAX, Type.LONG, 30_000L, ConfigDef.Range.between(100, 600_000), Importance.LOW,
                        "Longest wait between insert retries, in ms. The sink retries until ClickHouse is back.");
    }
}
