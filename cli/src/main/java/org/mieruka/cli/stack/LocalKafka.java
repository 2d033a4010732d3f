package org.mieruka.cli.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker run from Kafka's own jars ({@code kafka.Kafka}) as a separate process,
 * with its data under {@code <stack.home>/kafka}, kept across restarts. Configured so that
 * exactly-once Streams works on one node (replication factors and min ISR of 1).
 */
public final class LocalKafka {

    private final StackConfig config;
    private final Path dir;
    private final Path properties;
    private final Path log;
    private final LocalProcess process;

    public LocalKafka(StackConfig config) {
        this.config = config;
        this.dir = config.home.resolve("kafka");
        this.properties = dir.resolve("server.properties");
        this.log = dir.resolve("logs").resolve("broker.out");
        this.process = new LocalProcess("kafka", "kafka.Kafka " + properties);
    }

    public String bootstrap() {
        return config.kafkaBootstrap();
    }

    public Path logFile() {
        return log;
    }

    public Optional<ProcessHandle> running() {
        return process.find();
    }

    /** Starts the broker unless it already runs; returns when it answers. */
    public boolean start() throws IOException, InterruptedException {
        if (running().isPresent()) {
            awaitReady();
            return false;
        }
        if (answers(Duration.ofSeconds(2))) {
            throw new StackException("port " + config.kafkaPort + " already answers as a Kafka broker that this project"
                    + " did not start; stop it or set MIERUKA_STACK_KAFKA_PORT to another port");
        }
        Files.createDirectories(dir.resolve("data"));
        writeProperties();
        Path lib = Distribution.libDir();
        String classpath = lib.resolve("*").toString();
        if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
            int exit = process.runToEnd(List.of(Distribution.java(), "-Xmx256m", "-cp", classpath,
                    "-Dlogback.configurationFile=" + logbackConfig(), "kafka.tools.StorageTool", "format",
                    "--standalone", "--cluster-id", Uuid.randomUuid().toString(), "--config", properties.toString()),
                    dir.resolve("logs").resolve("format.out"), Duration.ofSeconds(120));
            if (exit != 0) {
                throw new StackException("formatting Kafka storage failed (exit " + exit + "); see "
                        + dir.resolve("logs").resolve("format.out"));
            }
        }
        process.launch(List.of(Distribution.java(), "-Xmx" + config.kafkaHeap, "-Xms256m", "-XX:+UseG1GC",
                "-Djava.awt.headless=true", "-Dlogback.configurationFile=" + logbackConfig(),
                "-cp", classpath, "kafka.Kafka", properties.toString()), log);
        awaitReady();
        return true;
    }

    public boolean stop() throws InterruptedException {
        return process.stop(Duration.ofSeconds(30));
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.startTimeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (answers(Duration.ofSeconds(3))) {
                return;
            }
            if (running().isEmpty()) {
                throw new StackException("the Kafka broker exited during start-up; see " + log);
            }
            Thread.sleep(250);
        }
        throw new StackException("the Kafka broker did not become ready in " + config.startTimeoutSeconds
                + " s; see " + log);
    }

    public boolean answers(Duration timeout) throws InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | org.apache.kafka.common.KafkaException e) {
            return false;
        }
    }

    private void writeProperties() throws IOException {
        String host = "127.0.0.1";
        String content = String.join("\n",
                "# Written by ./mieruka stack start; edits are overwritten.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=" + host + ":" + config.kafkaControllerPort,
                "listeners=PLAINTEXT://" + host + ":" + config.kafkaPort + ",CONTROLLER://" + host + ":"
                        + config.kafkaControllerPort,
                "advertised.listeners=PLAINTEXT://" + host + ":" + config.kafkaPort,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=3",
                "# One node: every internal topic has one replica, or exactly-once Streams waits forever.",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "");
        Files.writeString(properties, content, StandardCharsets.UTF_8);
    }

    private Path logbackConfig() throws IOException {
        Path file = dir.resolve("logback.xml");
        String xml = """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.rolling.RollingFileAppender">
                    <file>%s</file>
                    <rollingPolicy class="ch.qos.logback.core.rolling.FixedWindowRollingPolicy">
                      <fileNamePattern>%s.%%i</fileNamePattern><minIndex>1</minIndex><maxIndex>3</maxIndex>
                    </rollingPolicy>
                    <triggeringPolicy class="ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy">
                      <maxFileSize>50MB</maxFileSize>
                    </triggeringPolicy>
                    <encoder><pattern>%%d{ISO8601} %%-5level [%%logger{36}] %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="FILE"/></root>
                </configuration>
                """.formatted(dir.resolve("logs").resolve("server.log"), dir.resolve("logs").resolve("server.log"));
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }
}
