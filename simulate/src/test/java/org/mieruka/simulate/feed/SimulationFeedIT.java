package org.mieruka.simulate.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mieruka.ingest.IngestConfig;
import org.mieruka.ingest.IngestServer;
import org.mieruka.ingest.source.SourceSetup;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.schemas.topic.TopicProvisioner;
import org.mieruka.simulate.Municipality;
import org.mieruka.simulate.Simulation;
import org.mieruka.simulate.SimulationConfig;
import org.mieruka.simulate.workday.ActivityConfig;
import org.mieruka.simulate.workday.Scenario;
import org.mieruka.simulate.workday.WorkdaySimulation;
import org.mieruka.testsupport.MierukaInfra;
import org.mieruka.testsupport.TestKafka;
import org.mieruka.testsupport.TopicContents;

/** The simulator's two live outputs against a real broker: Kafka directly, and the HTTP collector. */
@ExtendWith(MierukaInfra.class)
class SimulationFeedIT {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static Simulation smallWeek() {
        Municipality city = Municipality.generate(SimulationConfig.defaults().withStaffCount(60).withSeed(3));
        return Simulation.run(city, ActivityConfig.defaults().withPeriod(LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 3)), Scenario.defaults(), TOKYO, n -> { });
    }

    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path sourcesDir;
    private static SourceSetup.Prepared sources;

    @org.junit.jupiter.api.BeforeAll
    static void registerSources() throws Exception {
        sources = SourceSetup.prepare(sourcesDir, WorkdaySimulation.sources(), List.of());
    }

    private static IngestConfig ingest(TestKafka kafka) {
        Map<String, String> raw = new HashMap<>(kafka.settings());
        raw.put("ingest.sources-file", sources.sourcesFile().toString());
        raw.put("ingest.tokens-file", sources.tokensFile().toString());
        raw.put("ingest.requests-per-second", "100000");
        raw.put("ingest.http.port", "0");
        raw.put("ingest.instance-id", kafka.topicPrefix() + "sim");
        return new IngestConfig(raw);
    }

    @Test
    void shouldPublishEveryEventThroughTheCollectorsProducerPathAndTheReferenceData(TestKafka kafka) throws Exception {
        Simulation simulation = smallWeek();
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, kafka.topicPrefix(), (short) 1).ensure(TopicCatalog.all());
        }
        AtomicLong progress = new AtomicLong();
        try (KafkaEventSink sink = new KafkaEventSink(ingest(kafka))) {
            new FeedDriver(sink, 500, new Pacer(0)).send(simulation.events(), progress::set);
        }
        long again;
        try (KafkaEventSink sink = new KafkaEventSink(ingest(kafka))) { // the same run once more: nothing new
            new FeedDriver(sink, 500, new Pacer(0)).send(simulation.events(), n -> { });
            again = sink.duplicates();
        }
        long reference = new ReferencePublisher(kafka.bootstrapServers(), kafka.topicPrefix())
                .publish(simulation.city(), simulation.scenario().toIntervention());

        List<WorkEvent> read = readEvents(kafka);
        assertThat(progress.get()).isEqualTo(simulation.events().size());
        long distinctIds = simulation.events().stream().map(e -> e.getSourceSystem() + "/" + e.getEventId())
                .distinct().count();
        assertThat(read).as("one record per event id: the feed's own repeats are not written twice")
                .hasSize((int) distinctIds);
        assertThat(again).isEqualTo(simulation.events().size());
        assertThat(read).allSatisfy(e -> assertThat(e.getReceivedAt()).isNotNull());
        assertThat(reference).isEqualTo(simulation.city().orgChart().orgUnits().size()
                + simulation.city().catalog().definitions().size() + simulation.city().directory().size()
                + simulation.city().calendarDays().size() + 1);
    }

    @Test
    void shouldPostEveryEventToTheHttpCollectorAtTheGivenRate(TestKafka kafka) throws Exception {
        Simulation simulation = smallWeek();
        List<WorkEvent> first = simulation.events().subList(0, 2_000);
        try (IngestServer server = IngestServer.withPrometheus(ingest(kafka))) {
            server.start();
            FeedDriver driver = new FeedDriver(new HttpEventSink(URI.create("http://127.0.0.1:" + server.port()), TOKYO,
                    sources.tokens()),
                    100, new Pacer(4_000));
            long started = System.nanoTime();
            driver.send(first, n -> { });
            double seconds = (System.nanoTime() - started) / 1e9;

            assertThat(seconds).as("2,000 events at 4,000/s take at least the pacing's 0.475 s").isGreaterThan(0.45);
        }
        assertThat(readEvents(kafka)).extracting(WorkEvent::getEventId)
                .containsExactlyInAnyOrderElementsOf(first.stream().map(WorkEvent::getEventId).distinct().toList());
    }

    private static List<WorkEvent> readEvents(TestKafka kafka) {
        var serde = Serdes.workEvent();
        return TopicContents.readToEnd(kafka, TopicCatalog.RAW_EVENTS.name(kafka.topicPrefix())).stream()
                .map(r -> serde.decode(r.value())).toList();
    }
}
