package org.mieruka.streams.truth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.metric.EmployeeDay;
import org.mieruka.schemas.metric.EventCredit;
import org.mieruka.schemas.metric.WorkCase;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.serde.SingleObjectSerde;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.schemas.topic.TopicProvisioner;
import org.mieruka.simulate.Municipality;
import org.mieruka.simulate.Simulation;
import org.mieruka.simulate.SimulationConfig;
import org.mieruka.simulate.truth.TruthReport;
import org.mieruka.simulate.workday.ActivityConfig;
import org.mieruka.simulate.workday.Scenario;
import org.mieruka.streams.StreamsApp;
import org.mieruka.streams.StreamsAppConfig;
import org.mieruka.testsupport.MierukaInfra;
import org.mieruka.testsupport.TestKafka;
import org.mieruka.testsupport.TopicContents;

/**
 * The whole streams application on a real broker under exactly_once_v2, stopped mid-run and
 * restarted: what read_committed readers see afterwards has, per key, strictly increasing versions
 * (nothing doubled) and equals the simulator's truth (nothing lost).
 */
@ExtendWith(MierukaInfra.class)
class MetricsIT {

    @Test
    void shouldEqualTheTruthAfterARestartMidRunWithNoDoubledVersion(TestKafka kafka, @TempDir Path state)
            throws Exception {
        Municipality city = Municipality.generate(SimulationConfig.defaults().withStaffCount(60).withSeed(5));
        Simulation simulation = Simulation.run(city, ActivityConfig.defaults().withPeriod(LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 7)), Scenario.defaults(), java.time.ZoneId.of("Asia/Tokyo"), n -> { });
        Map<String, String> raw = new HashMap<>(kafka.settings());
        raw.put("streams.application-id", kafka.topicPrefix() + "streams");
        raw.put("streams.state-dir", state.toString());
        raw.put("privacy.pseudonym.keys", "it=" + Base64.getEncoder().encodeToString(new byte[32]));
        raw.put(StreamsAppConfig.SOURCES_FILE, org.mieruka.streams.TestSourcesFile.write("{\"sources\":{"
                + String.join(",", org.mieruka.simulate.workday.WorkdaySimulation.sources().stream()
                .map(source -> "\"" + source + "\":{}").toList()) + "}}").toString());
        StreamsAppConfig config = new StreamsAppConfig(raw);
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, kafka.topicPrefix(), (short) 1).ensure(TopicCatalog.all());
        }
        List<WorkEvent> events = simulation.events();
        int half = events.size() / 2;
        produceDirectory(kafka, city.directory());
        produce(kafka, events.subList(0, half));

        try (StreamsApp app = new StreamsApp(config, new SimpleMeterRegistry())) {
            app.start();
            assertThat(app.awaitRunning(Duration.ofSeconds(90))).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (newest(kafka, TopicCatalog.EVENT_CREDITS, Serdes.eventCredit(), EventCredit::getVersion,
                    new ArrayList<>()).size() < half / 4 && System.nanoTime() < deadline) {
                Thread.sleep(200); // stop while the stages are at work
            }
        }
        try (StreamsApp restarted = new StreamsApp(config, new SimpleMeterRegistry())) {
            restarted.start();
            assertThat(restarted.awaitRunning(Duration.ofSeconds(90))).isTrue();
            produce(kafka, events.subList(half, events.size()));

            TruthReport truth = simulation.truth();
            List<String> problems = new ArrayList<>();
            OutputFigures figures = null;
            List<TruthReport.TeleworkEffect> published = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline) {
                problems.clear();
                Map<String, EmployeeDay> days = newest(kafka, TopicCatalog.EMPLOYEE_DAYS, Serdes.employeeDay(),
                        EmployeeDay::getVersion, problems);
                Map<String, WorkCase> cases = newest(kafka, TopicCatalog.CASES, Serdes.workCase(),
                        WorkCase::getVersion, problems);
                Map<String, EventCredit> credits = newest(kafka, TopicCatalog.EVENT_CREDITS, Serdes.eventCredit(),
                        EventCredit::getVersion, problems);
                figures = new OutputFigures(credits.values(), days.values(), cases.values());
                published = OutputFigures.published(newest(kafka, TopicCatalog.TELEWORK_EFFECT, Serdes.teleworkEffect(),
                        org.mieruka.schemas.metric.TeleworkEffect::getVersion, problems).values());
                if (days.size() == truth.counts().employeeDays() && cases.size() == truth.counts().cases()
                        && SameRows.same(figures.teleworkEffect(), truth.teleworkEffect(), MetricsIT::teleworkKey)
                        && SameRows.same(figures.workHours(), truth.workHours(), MetricsIT::workHoursKey)
                        && SameRows.same(published, truth.teleworkEffect(), MetricsIT::teleworkKey)) {
                    break;
                }
                Thread.sleep(1000);
            }
            assertThat(problems).as("versions of a key only ever increase").isEmpty();
            SameRows.assertSameRows(figures.workHours(), truth.workHours(), MetricsIT::workHoursKey);
            SameRows.assertSameRows(figures.teleworkEffect(), truth.teleworkEffect(), MetricsIT::teleworkKey);
            SameRows.assertSameRows(published, truth.teleworkEffect(), MetricsIT::teleworkKey);
            SameRows.assertSameRows(figures.processPeriods(config.zone), truth.processPeriods(),
                    r -> List.of(r.process(), r.period(), r.start()));
        }
    }

    private static Object workHoursKey(TruthReport.WorkHours r) {
        return List.of(r.orgUnit(), r.week(), r.process(), r.kind(), r.channel(), r.workMode());
    }

    private static Object teleworkKey(TruthReport.TeleworkEffect r) {
        return List.of(r.orgUnit(), r.week(), r.workMode());
    }

    /** The newest record per key as read_committed readers see it; a version that does not increase is a problem. */
    private static <V extends org.apache.avro.specific.SpecificRecord> Map<String, V> newest(TestKafka kafka, org.mieruka.schemas.topic.TopicSpec topic,
                                             SingleObjectSerde<V> serde, Function<V, Long> version,
                                             List<String> problems) {
        Map<String, V> newest = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicContents.readToEnd(kafka, topic.name(kafka.topicPrefix()))) {
            String key = new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
            V value = serde.decode(r.value());
            V previous = newest.put(key, value);
            if (previous != null && version.apply(previous) >= version.apply(value)) {
                problems.add(topic.name("") + " " + key + ": version " + version.apply(value) + " after "
                        + version.apply(previous));
            }
        }
        return newest;
    }

    private static void produceDirectory(TestKafka kafka, List<DirectoryEntry> rows) {
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
            for (DirectoryEntry row : rows) {
                producer.send(new ProducerRecord<>(TopicCatalog.DIRECTORY.name(kafka.topicPrefix()),
                        (row.getEmployee() + "/" + row.getValidFrom()).getBytes(), Serdes.directoryEntry().encode(row)));
            }
        }
    }

    /** In arrival order, each source's events to one partition, as the collectors write them. */
    private static void produce(TestKafka kafka, List<WorkEvent> events) {
        var serde = Serdes.workEvent();
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
            for (WorkEvent event : events) {
                int partition = org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils
                        .murmur2(event.getSourceSystem().getBytes())) % TopicCatalog.RAW_EVENTS.partitions();
                producer.send(new ProducerRecord<>(TopicCatalog.RAW_EVENTS.name(kafka.topicPrefix()), partition,
                        (event.getSourceSystem() + "/" + event.getEventId()).getBytes(), serde.encode(event)));
            }
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(TestKafka kafka) {
        Map<String, Object> props = kafka.clientProperties();
        props.put("enable.idempotence", true);
        props.put("linger.ms", 5);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
