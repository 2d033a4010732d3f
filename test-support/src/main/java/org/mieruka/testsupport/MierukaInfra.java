package org.mieruka.testsupport;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Gives integration tests a real Kafka broker ({@link TestKafka}) and a real ClickHouse server
 * ({@link TestClickHouse}) as parameters. Where they come from, in order:
 * <ol>
 *   <li>the environment: {@code MIERUKA_KAFKA_BOOTSTRAP}, {@code MIERUKA_CLICKHOUSE_URL}
 *       (with {@code MIERUKA_CLICKHOUSE_USER}, {@code MIERUKA_CLICKHOUSE_PASSWORD});</li>
 *   <li>Testcontainers, when a Docker engine answers;</li>
 *   <li>otherwise an in-JVM KRaft broker (Kafka's test kit) and the local ClickHouse started by
 *       {@code ./mieruka stack start} or {@code ./mieruka test}.</li>
 * </ol>
 * When no ClickHouse can be had the test fails, saying how to get one: it never skips. One broker
 * and one server serve the whole test JVM; each test gets its own topic prefix and database.
 */
public final class MierukaInfra implements ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(MierukaInfra.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MierukaInfra.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Map<String, String> ENV = System.getenv();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestKafka.class || type == TestClickHouse.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String tag = uniqueTag(context);
        if (parameter.getParameter().getType() == TestKafka.class) {
            KafkaHandle kafka = shared(context).getOrComputeIfAbsent("kafka", key -> startKafka(), KafkaHandle.class);
            return new TestKafka(kafka.bootstrapServers(), kafka.origin(), "it." + tag + ".");
        }
        ClickHouseHandle clickHouse = shared(context).getOrComputeIfAbsent("clickhouse", key -> startClickHouse(),
                ClickHouseHandle.class);
        String database = "it_" + tag.replace('-', '_');
        clickHouse.execute("CREATE DATABASE IF NOT EXISTS " + database);
        // Dropped when the test (or class, for constructor parameters) is done.
        context.getStore(NAMESPACE).put("db-" + database,
                (AutoCloseable) () -> clickHouse.execute("DROP DATABASE IF EXISTS " + database));
        return new TestClickHouse(clickHouse.url(), clickHouse.user(), clickHouse.password(), database,
                clickHouse.origin());
    }

    private static ExtensionContext.Store shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE);
    }

    private static String uniqueTag(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
        return name + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    private static KafkaHandle startKafka() {
        String bootstrap = ENV.get("MIERUKA_KAFKA_BOOTSTRAP");
        try {
            KafkaHandle handle;
            if (bootstrap != null && !bootstrap.isBlank()) {
                handle = KafkaHandle.fromEnvironment(bootstrap);
            } else if (dockerAvailable()) {
                handle = KafkaHandle.fromTestcontainers();
            } else {
                handle = KafkaHandle.inJvm();
            }
            LOG.info("test Kafka from {} at {}", handle.origin(), handle.bootstrapServers());
            return handle;
        } catch (Exception e) {
            throw new ExtensionConfigurationException("could not start a Kafka broker for the tests: " + e, e);
        }
    }

    private static ClickHouseHandle startClickHouse() {
        String url = ENV.get("MIERUKA_CLICKHOUSE_URL");
        ClickHouseHandle handle;
        if (url != null && !url.isBlank()) {
            handle = ClickHouseHandle.fromEnvironment(url, ENV.getOrDefault("MIERUKA_CLICKHOUSE_USER", "default"),
                    ENV.getOrDefault("MIERUKA_CLICKHOUSE_PASSWORD", ""));
        } else if (dockerAvailable()) {
            handle = ClickHouseHandle.fromTestcontainers();
        } else {
            String port = ENV.getOrDefault("MIERUKA_STACK_CLICKHOUSE_HTTP_PORT",
                    Integer.toString(ClickHouseHandle.LOCAL_DEFAULT_HTTP_PORT));
            handle = ClickHouseHandle.local(Integer.parseInt(port));
        }
        if (!handle.answers()) {
            throw new ExtensionConfigurationException("No ClickHouse server answers at " + handle.url()
                    + " (" + handle.origin() + "). Integration tests need a real one: run the suite with"
                    + " './mieruka test' (starts the local server), or start it with"
                    + " './mieruka stack start clickhouse', or set MIERUKA_CLICKHOUSE_URL to a running server.");
        }
        LOG.info("test ClickHouse from {} at {}", handle.origin(), handle.url());
        return handle;
    }

    private static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(ENV.get("MIERUKA_TEST_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
