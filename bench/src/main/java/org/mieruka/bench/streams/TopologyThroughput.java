package org.mieruka.bench.streams;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.tools.ProducerPerformance;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.schemas.topic.TopicProvisioner;
import org.mieruka.schemas.topic.TopicSpec;
import org.mieruka.simulate.Municipality;
import org.mieruka.simulate.SimulationConfig;
import org.mieruka.simulate.workday.ActivityConfig;
import org.mieruka.simulate.workday.Scenario;
import org.mieruka.simulate.workday.WorkdaySimulation;
import org.mieruka.streams.StreamsApp;
import org.mieruka.streams.StreamsAppConfig;

/**
 * The whole stream-processing topology ({@link StreamsApp}: privacy stage, case stage, workload
 * stage, event counts; exactly_once_v2) on a real broker, fed by the city simulator, next to the
 * raw producer rate Kafka's own {@link ProducerPerformance} reaches in the same run (docs/benchmarks.md).
 *
 * <p>{@code mode=throughput} (the default), in three phases:
 * <ol>
 *   <li>throughput: the city's directory and all events of its first {@code weeks} are produced to
 *       the raw topic before the application starts; events/s = those raw records ÷ the time from
 *       the application's RUNNING state until its consumer group's committed offsets equal the
 *       read_committed end offsets of every topic it reads (raw, directory, pseudonymous events and
 *       directory, every repartition topic): nothing is left to process and every output is committed;</li>
 *   <li>latency: the city's next weeks are produced by a paced producer at half that rate for
 *       {@code latency-seconds}; a read_committed consumer of {@code metrics.event-credits} takes
 *       consume wall-clock − record timestamp (the producer's send time, which every stage keeps);</li>
 *   <li>{@link ProducerPerformance} with records of the mean encoded WorkEvent size, acks=all, idempotent.</li>
 * </ol>
 *
 * <p>{@code mode=heap}, meant for a JVM started with {@code -Xmx1g}: a child JVM generates a
 * 100,000-staff city and produces its directory and its first simulated day's events; then this
 * JVM runs the StreamsApp over them and reports the heap after each GC, and whether it completed.
 *
 * <pre>java -cp bench/target/mieruka-bench.jar org.mieruka.bench.streams.TopologyThroughput \
 *     [bootstrap=127.0.0.1:19092] [staff=300] [weeks=2] [latency-seconds=45]
 * java -Xmx1g -cp bench/target/mieruka-bench.jar org.mieruka.bench.streams.TopologyThroughput mode=heap \
 *     [staff=100000] [days=1] [generator-xmx=6g]</pre>
 */
public final class TopologyThroughput {

    private static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    private static final LocalDate FIRST_DAY = ActivityConfig.defaults().first(); // Monday 2026-04-06

    /** The sources file the project ships (config/sources.json), for the simulator's six sources. */
    private static final String SOURCES = """
            {"sources": {
              "docs-m365": {"allowed_attributes": ["app"]},
              "teams": {"allowed_attributes": ["role"]},
              "approval-sys": {"allowed_attributes": ["urgency"]},
              "pc-logon": {}, "satellite-office": {}, "workmode-form": {}
            }}""";

    private TopologyThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("bootstrap", "127.0.0.1:19092", "mode", "throughput",
                "seed", "1", "weeks", "2", "latency-weeks", "6", "latency-seconds", "45",
                "timeout-seconds", "1800", "days", "1", "generator-xmx", "6g"));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("arguments are key=value, got " + arg);
            }
            options.put(pair[0], pair[1]);
        }
        switch (options.get("mode")) {
            case "throughput" -> throughput(options);
            case "heap" -> heap(options);
            case "heap-generate" -> heapGenerate(options);
            default -> throw new IllegalArgumentException("mode is throughput or heap, got " + options.get("mode"));
        }
    }

    // ------------------------------------------------------------------------------------------------
    // mode=throughput

    private static void throughput(Map<String, String> options) throws Exception {
        String bootstrap = options.get("bootstrap");
        int staff = Integer.parseInt(options.getOrDefault("staff", "300"));
        int weeks = Integer.parseInt(options.get("weeks"));
        int latencyWeeks = Integer.parseInt(options.get("latency-weeks"));
        int latencySeconds = Integer.parseInt(options.get("latency-seconds"));
        long seed = Long.parseLong(options.get("seed"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.get("timeout-seconds")));
        String prefix = "bench.streams." + System.currentTimeMillis() + ".";
        System.out.printf(Locale.ROOT, "broker %s, prefix %s, %d cores, Java %s, load %s%n", bootstrap, prefix,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.runtime.version"), load());

        // The city: `weeks` for the throughput phase, then `latency-weeks` more for the paced phase, in one
        // simulation so that the second phase continues the first (ids, cases, stream time).
        long generating = System.nanoTime();
        Municipality city = Municipality.generate(SimulationConfig.defaults().withStaffCount(staff).withSeed(seed));
        LocalDate boundary = FIRST_DAY.plusWeeks(weeks);
        List<WorkEvent> events = new WorkdaySimulation(city, ActivityConfig.defaults().withPeriod(FIRST_DAY,
                boundary.plusWeeks(latencyWeeks).minusDays(1)), Scenario.defaults(), ZONE).run(n -> { });
        // Arrival order; the throughput phase ends where the first event of the next week arrives.
        long boundaryMs = boundary.atStartOfDay(ZONE).toInstant().toEpochMilli();
        int cut = 0;
        while (cut < events.size() && events.get(cut).getOccurredAt().toEpochMilli() < boundaryMs) {
            cut++;
        }
        Encoded first = Encoded.of(events.subList(0, cut));
        List<WorkEvent> later = events.subList(cut, events.size());
        System.out.printf(Locale.ROOT, "city: %,d staff, %,d directory rows, %,d events %s..%s (+%,d events in the "
                        + "%d weeks after, for the latency phase), simulated in %.1f s; mean WorkEvent %.1f bytes%n",
                staff, city.directory().size(), cut, FIRST_DAY, boundary.minusDays(1), later.size(), latencyWeeks,
                (System.nanoTime() - generating) / 1e9, first.meanValueSize());

        Path state = Files.createTempDirectory("bench-streams-state");
        StreamsAppConfig config = config(bootstrap, prefix, state);
        try (Admin admin = admin(bootstrap)) {
            new TopicProvisioner(admin, prefix, (short) 1).ensure(TopicCatalog.all());
        }

        // Phase 1: everything on the raw topic first, then the topology from a standing start.
        double produceRate;
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            produceDirectory(producer, prefix, city.directory());
            long started = System.nanoTime();
            for (int i = 0; i < first.size(); i++) {
                producer.send(first.record(prefix, i), failOnError());
            }
            producer.flush();
            produceRate = first.size() / ((System.nanoTime() - started) / 1e9);
        }
        System.out.printf(Locale.ROOT, "phase 1: %,d events on %s at %,.0f events/s (simulator as the source)%n",
                first.size(), TopicCatalog.RAW_EVENTS.name(prefix), produceRate);

        String loadPhase1;
        double topologyRate;
        double fromStartRate;
        double p50;
        double p99;
        double rate;
        String latencyNote;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Admin admin = admin(bootstrap); StreamsApp app = new StreamsApp(config, registry)) {
            String before = load();
            long started = System.nanoTime();
            app.start();
            if (!app.awaitRunning(Duration.ofSeconds(120))) {
                throw new IllegalStateException("the streams application did not reach RUNNING: " + app.state());
            }
            long running = System.nanoTime();
            Cpu cpu = Cpu.now();
            long done = awaitCaughtUp(admin, app, config, prefix, timeout);
            String cpuPhase1 = cpu.since();
            loadPhase1 = before + " → " + load();
            topologyRate = first.size() / ((done - running) / 1e9);
            fromStartRate = first.size() / ((done - started) / 1e9);
            System.out.printf(Locale.ROOT, "phase 1: RUNNING after %.1f s, caught up %.1f s later: %,.0f events/s "
                            + "(%,.0f events/s counting the start); load %s%n", (running - started) / 1e9,
                    (done - running) / 1e9, topologyRate, fromStartRate, loadPhase1);
            System.out.println("phase 1 CPU: " + cpuPhase1);
            printOutputs(admin, bootstrap, prefix, first.size(), registry);

            // Phase 2: paced at half the measured rate, latency read on metrics.event-credits.
            rate = options.containsKey("latency-rate") ? Double.parseDouble(options.get("latency-rate"))
                    : topologyRate / 2;
            int wanted = (int) Math.min(later.size(), Math.ceil(rate * latencySeconds));
            if (wanted < rate * latencySeconds) {
                System.out.printf(Locale.ROOT, "phase 2: only %,d events left for %d s at %,.0f/s: the phase is "
                        + "shorter (raise latency-weeks)%n", wanted, latencySeconds, rate);
            }
            Encoded second = Encoded.of(later.subList(0, wanted));
            LatencyProbe probe = LatencyProbe.start(bootstrap, TopicCatalog.EVENT_CREDITS.name(prefix));
            String loadBefore = load();
            long sendStartMs = System.currentTimeMillis();
            probe.from(sendStartMs);
            long sendStarted = System.nanoTime();
            Cpu cpu2 = Cpu.now();
            long errors;
            try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
                AtomicLong failed = new AtomicLong();
                double intervalNs = 1e9 / rate;
                for (int i = 0; i < second.size(); i++) {
                    long due = sendStarted + (long) (i * intervalNs);
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    producer.send(second.record(prefix, i), (metadata, e) -> {
                        if (e != null) {
                            failed.incrementAndGet();
                        }
                    });
                }
                producer.flush();
                errors = failed.get();
            }
            double sendSeconds = (System.nanoTime() - sendStarted) / 1e9;
            long drained = awaitCaughtUp(admin, app, config, prefix, Duration.ofSeconds(300));
            String cpuPhase2 = cpu2.since();
            Thread.sleep(1000); // the consumer's last poll
            long[] latencies = probe.stop();
            String loadAfter = load();
            p50 = percentile(latencies, 50) / 1000.0;
            p99 = percentile(latencies, 99) / 1000.0;
            latencyNote = String.format(Locale.ROOT, "%,d events at %,.0f/s (target %,.0f/s) over %.1f s, %d send "
                            + "errors, caught up %.1f s after the last send; %,d event credits, max %.2f s; load %s → %s",
                    second.size(), second.size() / sendSeconds, rate, sendSeconds, errors,
                    (drained - sendStarted) / 1e9 - sendSeconds, latencies.length,
                    latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1000.0, loadBefore,
                    loadAfter);
            System.out.println("phase 2: " + latencyNote);
            System.out.println("phase 2 CPU: " + cpuPhase2);
            System.out.printf(Locale.ROOT, "phase 2: event time → metrics.event-credits p50 %.3f s, p99 %.3f s%n",
                    p50, p99);
        }

        // Phase 3: Kafka's own producer, same broker, same record size and durability, nothing else running.
        int recordSize = (int) Math.round(first.meanValueSize());
        long records = Math.max(first.size(), 1_000_000);
        String loadPp = load();
        double raw = org.mieruka.bench.RawProducerRate.measure(bootstrap, prefix, recordSize, records);

        System.out.printf(Locale.ROOT, "%n| figure | value |%n|---|---|%n");
        System.out.printf(Locale.ROOT, "| city | %,d staff, %d weeks, %,d events, %,d directory rows |%n", staff,
                weeks, first.size(), city.directory().size());
        System.out.printf(Locale.ROOT, "| topology, RUNNING → caught up | %,.0f events/s |%n", topologyRate);
        System.out.printf(Locale.ROOT, "| topology, start() → caught up | %,.0f events/s |%n", fromStartRate);
        System.out.printf(Locale.ROOT, "| ProducerPerformance (%d B, acks=all, idempotent, %,d records) | %,.0f "
                + "records/s |%n", recordSize, records, raw);
        System.out.printf(Locale.ROOT, "| ratio (target ≥ 25 %%) | %.1f %% |%n", 100 * topologyRate / raw);
        System.out.printf(Locale.ROOT, "| latency at %,.0f events/s, p50 / p99 (target p99 ≤ 2 s) | %.3f s / %.3f s |%n",
                rate, p50, p99);
        System.out.printf(Locale.ROOT, "| load average (1/5/15 min), phase 1 / ProducerPerformance | %s / %s |%n",
                loadPhase1, loadPp);
    }

    // ------------------------------------------------------------------------------------------------
    // mode=heap

    /** Runs in the -Xmx1g JVM: a child JVM produces the city, this one processes it. */
    private static void heap(Map<String, String> options) throws Exception {
        HeapWatch watch = HeapWatch.install();
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            fatal.compareAndSet(null, e);
            e.printStackTrace();
        });
        String bootstrap = options.get("bootstrap");
        int staff = Integer.parseInt(options.getOrDefault("staff", "100000"));
        String prefix = options.getOrDefault("prefix", "bench.heap." + System.currentTimeMillis() + ".");
        System.out.printf(Locale.ROOT, "broker %s, prefix %s, -Xmx %,d MiB (%s), load %s%n", bootstrap, prefix,
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                load());

        if (!options.containsKey("prefix")) {
            Path summary = Files.createTempFile("bench-heap", ".txt");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx" + options.get("generator-xmx"), "-cp", System.getProperty("java.class.path"),
                    TopologyThroughput.class.getName(), "mode=heap-generate", "prefix=" + prefix,
                    "bootstrap=" + bootstrap, "staff=" + staff, "days=" + options.get("days"),
                    "seed=" + options.get("seed"), "summary=" + summary));
            if (options.containsKey("until")) {
                command.add("until=" + options.get("until"));
            }
            System.out.println("generator: " + String.join(" ", command.subList(0, 2)) + " … mode=heap-generate");
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("the generator JVM exited with " + exit);
            }
            System.out.println("generator: " + Files.readString(summary).strip());
        }
        long events;
        try (Admin admin = admin(bootstrap)) {
            events = endOffsets(admin, partitions(admin, TopicCatalog.RAW_EVENTS.name(prefix)))
                    .values().stream().mapToLong(Long::longValue).sum();
        }
        System.out.printf(Locale.ROOT, "processing %,d raw events of %s in this JVM%n", events, prefix);
        watch.reset(); // the heap of the StreamsApp from here on

        Path state = Files.createTempDirectory("bench-heap-state");
        StreamsAppConfig config = config(bootstrap, prefix, state);
        boolean completed = false;
        double seconds = Double.NaN;
        long liveAfterFullGc = -1;
        String loadBefore = load();
        String loadAfter;
        try (Admin admin = admin(bootstrap); StreamsApp app = new StreamsApp(config, new SimpleMeterRegistry())) {
            long started = System.nanoTime();
            app.start();
            if (app.awaitRunning(Duration.ofSeconds(300))) {
                Cpu cpu = Cpu.now();
                try {
                    long done = awaitCaughtUp(admin, app, config, prefix,
                            Duration.ofSeconds(Long.parseLong(options.get("timeout-seconds"))));
                    seconds = (done - started) / 1e9;
                    completed = fatal.get() == null && app.state() == KafkaStreams.State.RUNNING;
                    System.out.println("CPU while processing: " + cpu.since());
                } catch (IllegalStateException e) {
                    System.out.println("not completed: " + e.getMessage());
                }
            } else {
                System.out.println("not completed: the application is " + app.state());
            }
            loadAfter = load();
            // The live set with everything processed and the application still up (stores open, caches full).
            System.gc();
            System.gc();
            liveAfterFullGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        } catch (OutOfMemoryError e) {
            fatal.compareAndSet(null, e);
            loadAfter = load();
        }
        Throwable failure = fatal.get();
        boolean oom = failure instanceof OutOfMemoryError || failure != null && failure.getCause() instanceof OutOfMemoryError;
        System.out.printf(Locale.ROOT, "%n| figure | value |%n|---|---|%n");
        System.out.printf(Locale.ROOT, "| -Xmx | %,d MiB |%n", Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "| raw events processed | %,d in %.1f s (%,.0f events/s, from start()) |%n",
                events, seconds, events / seconds);
        System.out.printf(Locale.ROOT, "| max heap used after a GC | %,d MiB (%d GCs: %s) |%n",
                watch.maxAfterGc() >> 20, watch.collections(), watch.collectors());
        System.out.printf(Locale.ROOT, "| max heap used after a G1 old/concurrent GC | %,d MiB |%n",
                watch.maxAfterOldGc() >> 20);
        System.out.printf(Locale.ROOT, "| heap used after System.gc() at the end (app running) | %,d MiB |%n",
                liveAfterFullGc >> 20);
        System.out.printf(Locale.ROOT, "| heap committed, max | %,d MiB |%n", watch.maxCommitted() >> 20);
        System.out.printf(Locale.ROOT, "| process peak RSS (VmHWM; RocksDB is off-heap) | %s |%n", peakRss());
        System.out.printf(Locale.ROOT, "| OutOfMemoryError | %s |%n", oom ? "yes" : "no");
        System.out.printf(Locale.ROOT, "| completed (caught up, still RUNNING) | %s |%n", completed ? "yes" : "no");
        System.out.printf(Locale.ROOT, "| load average (1/5/15 min) | %s → %s |%n", loadBefore, loadAfter);
        if (failure != null) {
            System.out.println("failure: " + failure);
        }
        System.exit(completed && !oom ? 0 : 1);
    }

    /** The child JVM of mode=heap: a big city's directory and first day(s) of events onto the topics. */
    private static void heapGenerate(Map<String, String> options) throws Exception {
        String bootstrap = options.get("bootstrap");
        String prefix = options.get("prefix");
        int staff = Integer.parseInt(options.get("staff"));
        int days = Integer.parseInt(options.get("days"));
        long started = System.nanoTime();
        Municipality city = Municipality.generate(SimulationConfig.defaults().withStaffCount(staff)
                .withSeed(Long.parseLong(options.get("seed"))));
        List<WorkEvent> events = new WorkdaySimulation(city, ActivityConfig.defaults().withPeriod(FIRST_DAY,
                FIRST_DAY.plusDays(days - 1)), Scenario.defaults(), ZONE).run(n -> { });
        if (options.containsKey("until")) {
            long until = FIRST_DAY.plusDays(days - 1).atTime(LocalTime.parse(options.get("until")))
                    .atZone(ZONE).toInstant().toEpochMilli();
            events = events.stream().filter(e -> e.getOccurredAt().toEpochMilli() < until).toList();
        }
        Set<String> employees = new HashSet<>();
        for (WorkEvent event : events) {
            employees.add(event.getEmployee());
        }
        double simulated = (System.nanoTime() - started) / 1e9;
        try (Admin admin = admin(bootstrap)) {
            new TopicProvisioner(admin, prefix, (short) 1).ensure(TopicCatalog.all());
        }
        long producing = System.nanoTime();
        long bytes = 0;
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            produceDirectory(producer, prefix, city.directory());
            var serde = Serdes.workEvent();
            for (WorkEvent event : events) {
                byte[] value = serde.encode(event);
                bytes += value.length;
                producer.send(new ProducerRecord<>(TopicCatalog.RAW_EVENTS.name(prefix), partition(event),
                        key(event), value), failOnError());
            }
            producer.flush();
        }
        String summary = String.format(Locale.ROOT, "%,d staff, %,d directory rows, %,d events of %s..%s%s (%,d "
                        + "distinct employees, mean %.1f bytes), simulated in %.1f s, produced in %.1f s",
                staff, city.directory().size(), events.size(), FIRST_DAY, FIRST_DAY.plusDays(days - 1),
                options.containsKey("until") ? " before " + options.get("until") : "", employees.size(),
                bytes / (double) Math.max(1, events.size()), simulated, (System.nanoTime() - producing) / 1e9);
        Files.writeString(Path.of(options.get("summary")), summary);
    }

    // ------------------------------------------------------------------------------------------------
    // The application and its progress

    private static StreamsAppConfig config(String bootstrap, String prefix, Path state) throws IOException {
        Path sources = Files.createTempFile("bench-sources", ".json");
        Files.writeString(sources, SOURCES);
        Map<String, String> raw = new HashMap<>(Map.of("kafka.bootstrap", bootstrap, "topics.prefix", prefix,
                "topics.replication-factor", "1",
                StreamsAppConfig.APPLICATION_ID, prefix + "streams", StreamsAppConfig.STATE_DIR, state.toString(),
                StreamsAppConfig.PSEUDONYM_KEYS, "bench=" + Base64.getEncoder().encodeToString(
                        "mieruka-bench-pseudonym-key-32-bytes!".getBytes(StandardCharsets.UTF_8)),
                StreamsAppConfig.SOURCES_FILE, sources.toString(), "metrics.port", "0"));
        // -Dapp.<setting>=<value> tries a setting of the application (e.g. -Dapp.streams.threads=2).
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("app.")) {
                raw.put(name.substring(4), System.getProperty(name));
            }
        }
        return new StreamsAppConfig(raw);
    }

    /**
     * Waits until the application's consumer group has committed, on every partition it reads, the
     * read_committed end offset; returns that moment (System.nanoTime of the first poll that saw it).
     */
    private static long awaitCaughtUp(Admin admin, StreamsApp app, StreamsAppConfig config, String prefix,
                                      Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastReport = System.nanoTime();
        List<String> inputs = List.of(TopicCatalog.RAW_EVENTS.name(prefix), TopicCatalog.DIRECTORY.name(prefix),
                TopicCatalog.PSEUDONYMOUS_EVENTS.name(prefix), TopicCatalog.DIRECTORY_PSEUDONYMOUS.name(prefix));
        while (true) {
            long now = System.nanoTime();
            if (app.state() == KafkaStreams.State.ERROR || app.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("the streams application is " + app.state());
            }
            List<String> topics = new ArrayList<>(inputs);
            for (String topic : admin.listTopics().names().get()) {
                if (topic.startsWith(config.applicationId + "-") && topic.endsWith("-repartition")) {
                    topics.add(topic);
                }
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(config.applicationId)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> ends = endOffsets(admin, partitions(admin, topics.toArray(String[]::new)));
            long lag = 0;
            Map<String, Long> byTopic = new HashMap<>();
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                long behind = Math.max(0, end.getValue() - (at == null ? 0 : at.offset()));
                lag += behind;
                byTopic.merge(end.getKey().topic().substring(prefix.length()), behind, Long::sum);
            }
            if (lag == 0) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not caught up after " + timeout.toSeconds() + " s; lag " + byTopic);
            }
            if (now - lastReport > 10e9) {
                System.out.printf(Locale.ROOT, "  … lag %,d %s, load %s%n", lag, byTopic, load());
                lastReport = now;
            }
            Thread.sleep(100);
        }
    }

    /**
     * What phase 1 left on every topic of the run (read_committed records and their value bytes): the
     * outputs, and all the application writes besides them (repartition and changelog topics).
     */
    private static void printOutputs(Admin admin, String bootstrap, String prefix, long sent,
                                     SimpleMeterRegistry registry) throws Exception {
        List<String> topics = admin.listTopics().names().get().stream().filter(t -> t.startsWith(prefix)).sorted()
                .toList();
        Set<String> inputs = Set.of(TopicCatalog.RAW_EVENTS.name(prefix), TopicCatalog.DIRECTORY.name(prefix));
        List<String> parts = new ArrayList<>();
        for (String topic : topics) {
            if (inputs.contains(topic) || topic.endsWith("-repartition")) {
                continue; // repartition topics are purged once read
            }
            long[] counted = countCommitted(bootstrap, topic);
            if (counted[0] > 0) {
                parts.add(String.format(Locale.ROOT, "%s %,d (%,.1f MB)", topic.substring(prefix.length()),
                        counted[0], counted[1] / 1e6));
            }
        }
        System.out.printf(Locale.ROOT, "phase 1 records per topic (read_committed): %s%n", String.join(", ", parts));
        double written = sum(registry, "kafka.producer.record.send.total");
        double bytes = sum(registry, "kafka.producer.outgoing.byte.total");
        System.out.printf(Locale.ROOT, "phase 1: the application's producer sent %,.0f records (%.1f per raw event), "
                + "%,.1f MB on the wire (%.0f bytes per raw event)%n", written, written / sent, bytes / 1e6,
                bytes / sent);
    }

    private static double sum(SimpleMeterRegistry registry, String name) {
        double sum = 0;
        for (var meter : registry.find(name).meters()) {
            for (var measurement : meter.measure()) {
                sum += measurement.getValue();
            }
        }
        return sum;
    }

    /** {records, value bytes} a read_committed reader finds on the topic. */
    private static long[] countCommitted(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long count = 0;
            long bytes = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    count++;
                    bytes += r.value() == null ? 0 : r.value().length;
                }
            }
            return new long[] {count, bytes};
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Kafka plumbing

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static org.apache.kafka.clients.producer.Callback failOnError() {
        return (metadata, e) -> {
            if (e != null) {
                throw new IllegalStateException("send failed", e);
            }
        };
    }

    private static List<TopicPartition> partitions(Admin admin, String... topics) throws Exception {
        List<TopicPartition> out = new ArrayList<>();
        admin.describeTopics(List.of(topics)).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> out.add(new TopicPartition(name, p.partition()))));
        return out;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<TopicPartition> partitions)
            throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .forEach((p, info) -> out.put(p, info.offset()));
        return out;
    }

    private static void produceDirectory(KafkaProducer<byte[], byte[]> producer, String prefix,
                                         List<DirectoryEntry> rows) {
        for (DirectoryEntry row : rows) {
            producer.send(new ProducerRecord<>(TopicCatalog.DIRECTORY.name(prefix),
                    (row.getEmployee() + "/" + row.getValidFrom()).getBytes(StandardCharsets.UTF_8),
                    Serdes.directoryEntry().encode(row)), failOnError());
        }
        producer.flush();
    }

    /** As the collectors write: each source's events on one partition, keyed source_system/event_id. */
    private static int partition(WorkEvent event) {
        return Utils.toPositive(Utils.murmur2(event.getSourceSystem().getBytes(StandardCharsets.UTF_8)))
                % TopicCatalog.RAW_EVENTS.partitions();
    }

    private static byte[] key(WorkEvent event) {
        return (event.getSourceSystem() + "/" + event.getEventId()).getBytes(StandardCharsets.UTF_8);
    }

    /** Events encoded before they are sent, so the producing loop does nothing else. */
    private record Encoded(byte[][] keys, byte[][] values, int[] partitions) {

        static Encoded of(List<WorkEvent> events) {
            var serde = Serdes.workEvent();
            Encoded out = new Encoded(new byte[events.size()][], new byte[events.size()][], new int[events.size()]);
            for (int i = 0; i < events.size(); i++) {
                WorkEvent event = events.get(i);
                out.keys[i] = key(event);
                out.values[i] = serde.encode(event);
                out.partitions[i] = partition(event);
            }
            return out;
        }

        int size() {
            return values.length;
        }

        ProducerRecord<byte[], byte[]> record(String prefix, int i) {
            return new ProducerRecord<>(TopicCatalog.RAW_EVENTS.name(prefix), partitions[i], keys[i], values[i]);
        }

        double meanValueSize() {
            return Arrays.stream(values).mapToLong(v -> v.length).average().orElse(0);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Measuring

    /** Nearest rank: the smallest value with at least p % of the values at or below it; ms. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** "1.23 1.10 0.95": the 1, 5 and 15 minute load averages. */
    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> l.substring(6).strip()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * CPU between two moments: the machine's (all processes, from /proc/stat), this JVM's, and the
     * stream threads' (threads named …-StreamThread-n), in cores.
     */
    private record Cpu(long wallNs, long[] machine, long process, long streamThreads) {

        static Cpu now() {
            return new Cpu(System.nanoTime(), machineJiffies(), processCpu(), streamThreadsCpu());
        }

        String since() {
            Cpu now = now();
            double wall = now.wallNs - wallNs;
            long busy = now.machine[0] - machine[0];
            long total = now.machine[1] - machine[1];
            return String.format(Locale.ROOT, "machine %.0f %% busy (of %d cores), this JVM %.2f cores, stream "
                            + "thread(s) %.2f cores, over %.1f s", total == 0 ? Double.NaN : 100.0 * busy / total,
                    Runtime.getRuntime().availableProcessors(), (now.process - process) / wall,
                    (now.streamThreads - streamThreads) / wall, wall / 1e9);
        }

        /** {busy, total} jiffies of all CPUs. */
        private static long[] machineJiffies() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[] {total - idle, total};
            } catch (IOException | RuntimeException e) {
                return new long[] {0, 0};
            }
        }

        private static long processCpu() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
        }

        private static long streamThreadsCpu() {
            var threads = ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().matches(".*-StreamThread-\\d+")) {
                    sum += Math.max(0, threads.getThreadCpuTime(thread.getId()));
                }
            }
            return sum;
        }
    }

    /** A read_committed consumer of one topic, at its end: consume wall-clock − record timestamp, in ms. */
    private static final class LatencyProbe {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong fromMs = new AtomicLong(Long.MAX_VALUE);
        private final Thread thread;
        private long[] values = new long[1 << 16];
        private int count;

        private LatencyProbe(String bootstrap, String topic, CountDownLatch ready) {
            thread = new Thread(() -> {
                try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
                    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToEnd(partitions);
                    partitions.forEach(consumer::position);
                    ready.countDown();
                    while (running.get()) {
                        var records = consumer.poll(Duration.ofMillis(50));
                        long now = System.currentTimeMillis();
                        for (ConsumerRecord<byte[], byte[]> r : records) {
                            if (r.timestamp() >= fromMs.get()) {
                                add(now - r.timestamp());
                            }
                        }
                    }
                }
            }, "latency-probe");
        }

        static LatencyProbe start(String bootstrap, String topic) throws InterruptedException {
            CountDownLatch ready = new CountDownLatch(1);
            LatencyProbe probe = new LatencyProbe(bootstrap, topic, ready);
            probe.thread.start();
            if (!ready.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the latency consumer did not start");
            }
            return probe;
        }

        /** Only records sent from this wall-clock time on count. */
        void from(long ms) {
            fromMs.set(ms);
        }

        private void add(long value) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = value;
        }

        long[] stop() throws InterruptedException {
            running.set(false);
            thread.join();
            long[] out = Arrays.copyOf(values, count);
            Arrays.sort(out);
            return out;
        }
    }

    /** Heap used after each garbage collection, from the collectors' notifications. */
    private static final class HeapWatch {
        private final AtomicLong maxAfterGc = new AtomicLong();
        private final AtomicLong maxAfterOldGc = new AtomicLong();
        private final AtomicLong maxCommitted = new AtomicLong();
        private final AtomicLong collections = new AtomicLong();
        private final Map<String, AtomicLong> byCollector = new java.util.concurrent.ConcurrentHashMap<>();

        static HeapWatch install() {
            HeapWatch watch = new HeapWatch();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (!"com.sun.management.gc.notification".equals(notification.getType())) {
                        return;
                    }
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData());
                    long used = 0;
                    long committed = 0;
                    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (isHeap(pool.getKey())) {
                            used += pool.getValue().getUsed();
                            committed += pool.getValue().getCommitted();
                        }
                    }
                    watch.collections.incrementAndGet();
                    watch.byCollector.computeIfAbsent(info.getGcName() + "/" + info.getGcCause(),
                            k -> new AtomicLong()).incrementAndGet();
                    watch.maxAfterGc.accumulateAndGet(used, Math::max);
                    watch.maxCommitted.accumulateAndGet(committed, Math::max);
                    if (!info.getGcName().contains("Young")) { // G1 Old Generation (full) or G1 Concurrent GC
                        watch.maxAfterOldGc.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
            return watch;
        }

        private static boolean isHeap(String pool) {
            for (var bean : ManagementFactory.getMemoryPoolMXBeans()) {
                if (bean.getName().equals(pool)) {
                    return bean.getType() == java.lang.management.MemoryType.HEAP;
                }
            }
            return false;
        }

        void reset() {
            maxAfterGc.set(0);
            maxAfterOldGc.set(0);
            maxCommitted.set(0);
            collections.set(0);
            byCollector.clear();
        }

        long maxAfterGc() {
            return maxAfterGc.get();
        }

        long maxAfterOldGc() {
            return maxAfterOldGc.get();
        }

        long maxCommitted() {
            return maxCommitted.get();
        }

        long collections() {
            return collections.get();
        }

        String collectors() {
            List<String> out = new ArrayList<>();
            byCollector.entrySet().stream().sorted(Comparator.comparing(Map.Entry::getKey))
                    .forEach(e -> out.add(e.getKey() + " × " + e.getValue().get()));
            return String.join(", ", out);
        }
    }
}
