package org.mieruka.cli.stack;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.mieruka.schemas.config.ConfigLoader;

/** Settings of the local stack ({@code ./mieruka stack ...}), read once at start-up. */
public final class StackConfig {

    public static final String HOME = "stack.home";
    public static final String KAFKA_PORT = "stack.kafka.port";
    public static final String KAFKA_CONTROLLER_PORT = "stack.kafka.controller-port";
    public static final String KAFKA_HEAP = "stack.kafka.heap";
    public static final String CLICKHOUSE_HTTP_PORT = "stack.clickhouse.http-port";
    public static final String CLICKHOUSE_TCP_PORT = "stack.clickhouse.tcp-port";
    public static final String CLICKHOUSE_URL = "clickhouse.url";
    public static final String START_TIMEOUT = "stack.start-timeout-s";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(HOME, Type.STRING, "var", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Folder owned by the project for the local stack's data, configuration and logs "
                            + "(relative to the project root). Data is kept across restarts.")
            .define(KAFKA_PORT, Type.INT, 19092, ConfigDef.Range.between(1, 65535), Importance.MEDIUM,
                    "Client port of the local Kafka broker on 127.0.0.1.")
            .define(KAFKA_CONTROLLER_PORT, Type.INT, 19093, ConfigDef.Range.between(1, 65535), Importance.LOW,
                    "KRaft controller port of the local broker on 127.0.0.1.")
            .define(KAFKA_HEAP, Type.STRING, "1g", ConfigDef.LambdaValidator.with((name, value) -> {
                if (!String.valueOf(value).matches("\\d+[mMgG]")) {
                    throw new org.apache.kafka.common.config.ConfigException(name, value, "like 512m or 1g");
                }
            }, () -> "a JVM heap size like 512m or 1g"), Importance.LOW, "Heap of the local broker's JVM (-Xmx).")
            .define(CLICKHOUSE_HTTP_PORT, Type.INT, 18123, ConfigDef.Range.between(1, 65535), Importance.MEDIUM,
                    "HTTP port of the local ClickHouse server on 127.0.0.1.")
            .define(CLICKHOUSE_TCP_PORT, Type.INT, 19000, ConfigDef.Range.between(1, 65535), Importance.LOW,
                    "Native-protocol port of the local ClickHouse server (for clickhouse-client).")
            .define(CLICKHOUSE_URL, Type.STRING, "", Importance.HIGH,
                    "An existing ClickHouse server to use instead of starting the local one (e.g. "
                            + "http://host:8123). Empty: the stack starts its own.")
            .define(START_TIMEOUT, Type.INT, 90, ConfigDef.Range.between(5, 900), Importance.LOW,
                    "Seconds a service may take to become ready before start-up fails.");

    public final Path home;
    public final int kafkaPort;
    public final int kafkaControllerPort;
    public final String kafkaHeap;
    public final int clickHouseHttpPort;
    public final int clickHouseTcpPort;
    public final String externalClickHouseUrl;
    public final int startTimeoutSeconds;

    public StackConfig(Path projectRoot, Map<String, String> raw) {
        Map<String, Object> v = ConfigLoader.parse("stack", DEFINITION, raw);
        home = projectRoot.resolve((String) v.get(HOME)).toAbsolutePath().normalize();
        kafkaPort = (Integer) v.get(KAFKA_PORT);
        kafkaControllerPort = (Integer) v.get(KAFKA_CONTROLLER_PORT);
        kafkaHeap = (String) v.get(KAFKA_HEAP);
        clickHouseHttpPort = (Integer) v.get(CLICKHOUSE_HTTP_PORT);
        clickHouseTcpPort = (Integer) v.get(CLICKHOUSE_TCP_PORT);
        externalClickHouseUrl = (String) v.get(CLICKHOUSE_URL);
        startTimeoutSeconds = (Integer) v.get(START_TIMEOUT);
    }

    public static StackConfig load(Path projectRoot, Map<String, String> env) {
        return new StackConfig(projectRoot, ConfigLoader.gather(DEFINITION, null, env, Map.of()));
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String clickHouseUrl() {
        return externalClickHouseUrl.isBlank() ? "http://127.0.0.1:" + clickHouseHttpPort : externalClickHouseUrl;
    }

    public boolean usesExternalClickHouse() {
        return !externalClickHouseUrl.isBlank();
    }
}
