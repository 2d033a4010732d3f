package org.mieruka.cli.command;

import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.mieruka.cli.Progress;
import org.mieruka.cli.ProjectRoot;
import org.mieruka.cli.stack.LocalClickHouse;
import org.mieruka.cli.stack.LocalKafka;
import org.mieruka.cli.stack.StackConfig;
import org.mieruka.schemas.config.CommonSettings;
import org.mieruka.schemas.config.ConfigLoader;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.schemas.topic.TopicProvisioner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./mieruka stack start|stop|status [kafka|clickhouse]}: the local Kafka and ClickHouse. */
@Command(name = "stack", mixinStandardHelpOptions = true,
        description = "Start, stop or show the local stack (Kafka broker and ClickHouse server) under ./var.",
        subcommands = {StackCommand.Start.class, StackCommand.Stop.class, StackCommand.Status.class})
public final class StackCommand implements Runnable {

    /** Which services a stack command acts on. */
    public enum Service { kafka, clickhouse, all }

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static StackConfig config() {
        return StackConfig.load(ProjectRoot.get(), System.getenv());
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the services (already running is fine) and wait until they answer.")
    static final class Start implements Callable<Integer> {
        @Parameters(arity = "0..1", defaultValue = "all", description = "kafka, clickhouse or all (default)")
        Service service;

        @Override
        public Integer call() throws Exception {
            start(config(), service, new Progress(System.out));
            return 0;
        }
    }

    /** Starts what {@code service} names; shared with demo and test. */
    static void start(StackConfig config, Service service, Progress progress) throws Exception {
        if (service != Service.kafka) {
            LocalClickHouse clickHouse = new LocalClickHouse(config);
            if (!clickHouse.external() && LocalClickHouse.binary().isEmpty()) {
                progress.run("Installing ClickHouse (apt-get install clickhouse-server)", clickHouse::installIfMissing);
            }
            boolean started = progress.step(clickHouse.external() ? "Checking ClickHouse at " + clickHouse.url()
                    : "Starting ClickHouse on " + clickHouse.url(), clickHouse::start);
            if (!started && !clickHouse.external()) {
                System.out.println("  ClickHouse was already running");
            }
        }
        if (service != Service.clickhouse) {
            LocalKafka kafka = new LocalKafka(config);
            boolean started = progress.step("Starting Kafka on " + kafka.bootstrap(), kafka::start);
            if (!started) {
                System.out.println("  Kafka was already running");
            }
            int created = progress.step("Creating the catalog's topics", () -> createTopics(config));
            System.out.println("  " + created + " of " + TopicCatalog.all().size() + " topics created (the others existed)");
        }
    }

    /** Every topic of the catalog, so that producers and consumers started later find them. */
    private static int createTopics(StackConfig config) throws InterruptedException {
        ConfigDef def = CommonSettings.defineKafka(new ConfigDef());
        Map<String, Object> settings = ConfigLoader.parse("topics", def,
                ConfigLoader.gather(def, null, System.getenv(), Map.of()));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap()))) {
            return new TopicProvisioner(admin, (String) settings.get(CommonSettings.TOPICS_PREFIX),
                    (Short) settings.get(CommonSettings.TOPICS_REPLICATION)).ensure(TopicCatalog.all()).size();
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the services this project started; data under ./var is kept.")
    static final class Stop implements Callable<Integer> {
        @Parameters(arity = "0..1", defaultValue = "all", description = "kafka, clickhouse or all (default)")
        Service service;

        @Override
        public Integer call() throws Exception {
            StackConfig config = config();
            Progress progress = new Progress(System.out);
            if (service != Service.clickhouse) {
                LocalKafka kafka = new LocalKafka(config);
                if (!progress.step("Stopping Kafka", kafka::stop)) {
                    System.out.println("  Kafka was not running");
                }
            }
            if (service != Service.kafka) {
                LocalClickHouse clickHouse = new LocalClickHouse(config);
                if (!progress.step("Stopping ClickHouse", clickHouse::stop)) {
                    System.out.println("  ClickHouse was not running" + (clickHouse.external() ? " here (external)" : ""));
                }
            }
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show whether each service runs and answers; exit 0 only if all do.")
    static final class Status implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            StackConfig config = config();
            LocalKafka kafka = new LocalKafka(config);
            LocalClickHouse clickHouse = new LocalClickHouse(config);
            boolean kafkaUp = kafka.answers(java.time.Duration.ofSeconds(3));
            boolean clickHouseUp = clickHouse.answers();
            System.out.printf("%-11s %-8s %-28s %s%n", "service", "state", "endpoint", "process / logs");
            System.out.printf("%-11s %-8s %-28s %s%n", "kafka", kafkaUp ? "ready" : "down", kafka.bootstrap(),
                    kafka.running().map(p -> "pid " + p.pid()).orElse("not running") + ", " + kafka.logFile());
            System.out.printf("%-11s %-8s %-28s %s%n", "clickhouse", clickHouseUp ? "ready" : "down", clickHouse.url(),
                    clickHouse.external() ? "external (MIERUKA_CLICKHOUSE_URL)"
                            : clickHouse.running().map(p -> "pid " + p.pid()).orElse("not running") + ", "
                            + clickHouse.serverLog());
            System.out.println("data: " + config.home);
            return kafkaUp && clickHouseUp ? 0 : 3;
        }
    }

}
