package org.mieruka.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mieruka.ingest.EventPublisher;
import org.mieruka.ingest.IdempotentWriter;
import org.mieruka.ingest.IngestConfig;
import org.mieruka.ingest.admission.EventAdmission;
import org.mieruka.ingest.dedup.AcceptedKeys;
import org.mieruka.ingest.dedup.RawTopicKeys;
import org.mieruka.ingest.privacy.EventScreen;
import org.mieruka.ingest.source.SourceLimits;
import org.mieruka.ingest.source.SourceRegistry;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.schemas.topic.TopicProvisioner;
import org.mieruka.testsupport.MierukaInfra;
import org.mieruka.testsupport.TestKafka;
import org.mieruka.testsupport.TopicContents;

/** Importing real and real-shaped exports into a real broker: counts, idempotency, resuming, rejections. */
@ExtendWith(MierukaInfra.class)
class FileImportIT {

    private static final Path RECEIPT = org.mieruka.testsupport.SharedData.file("workflow/receipt.xes");

    @Test
    void shouldStoreTheReceiptLogsCasesAndEventsOnceAndResumeAfterAnInterruption(TestKafka kafka, @TempDir Path dir)
            throws Exception {
        Path sourcesFile = dir.resolve("sources.json");
        Files.writeString(sourcesFile, "{\"sources\":{\"receipt-log\":{\"default_process_code\":\"WABO\"},"
                + "\"approval-sys\":{\"allowed_attributes\":[\"urgency\"]}}}");
        IngestConfig config = config(kafka, sourcesFile);
        SourceRegistry sources = SourceRegistry.load(sourcesFile, new SourceLimits(1 << 20, 1000, 50));
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, kafka.topicPrefix(), (short) 1).ensure(TopicCatalog.all());
        }
        Path checkpoints = dir.resolve("checkpoints");
        Importer xes = Importer.forFormat("xes").orElseThrow();
        ImportSettings settings = ImportSettings.forSource(sources.find("receipt-log").orElseThrow(),
                ZoneId.of("Europe/Amsterdam"));

        FileImport.Report first;
        FileImport.Report again;
        FileImport.Report resumed;
        try (Session session = new Session(config)) {
            FileImport run = session.fileImport(sources, "receipt-log", checkpoints);
            first = run.run(xes, RECEIPT, settings, n -> { });
            again = run.run(xes, RECEIPT, settings, n -> { });
            // An import interrupted after 5,000 records left its checkpoint: the next run starts after it.
            Files.writeString(checkpoints.resolve("xes-" + FileFingerprint.sha256Hex(Files.readAllBytes(RECEIPT))
                    + ".done"), "5000");
            resumed = run.run(xes, RECEIPT, settings, n -> { });
        }

        assertThat(first.records()).isEqualTo(8_577 + 2 * 1_434);
        assertThat(first.written()).isEqualTo(first.records());
        assertThat(again.written()).isZero();
        assertThat(again.duplicates()).isEqualTo(first.records());
        assertThat(resumed.resumedAfter()).isEqualTo(5_000);
        assertThat(resumed.duplicates()).isEqualTo(first.records() - 5_000);

        List<WorkEvent> stored = readRaw(kafka);
        assertThat(stored).hasSize(8_577 + 2 * 1_434);
        assertThat(stored.stream().filter(e -> e.getAction().equals("step_completed"))).hasSize(8_577);
        assertThat(stored.stream().filter(e -> e.getAction().equals("case_opened")).map(WorkEvent::getObjectId)
                .distinct()).hasSize(1_434);
        assertThat(stored).allSatisfy(e -> assertThat(e.getProcessCode()).isEqualTo("WABO"));
    }

    @Test
    void shouldStoreTheGoodRowsOfACsvExportAndDeadLetterTheBrokenOnes(TestKafka kafka, @TempDir Path dir)
            throws Exception {
        Path sourcesFile = dir.resolve("sources.json");
        Files.writeString(sourcesFile, "{\"sources\":{\"approval-sys\":{\"allowed_attributes\":[\"urgency\"]}}}");
        IngestConfig config = config(kafka, sourcesFile);
        SourceRegistry sources = SourceRegistry.load(sourcesFile, new SourceLimits(1 << 20, 1000, 50));
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, kafka.topicPrefix(), (short) 1).ensure(TopicCatalog.all());
        }
        Path samples = Path.of("src/test/resources/importers");
        // The same export as the e-approval system writes it on a Japanese Windows server: Shift_JIS (CP932).
        Path shiftJis = dir.resolve("approvals-sjis.csv");
        Files.write(shiftJis, Files.readString(samples.resolve("approvals.csv"))
                .getBytes(java.nio.charset.Charset.forName("windows-31j")));
        ImportSettings settings = ImportSettings.of("approval-sys", ZoneId.of("Asia/Tokyo"))
                .withMappingFile(samples.resolve("approvals.properties"));
        FileImport.Report report;
        FileImport.Report sjis;
        try (Session session = new Session(config)) {
            FileImport run = session.fileImport(sources, "approval-sys", dir.resolve("checkpoints"));
            report = run.run(Importer.forFormat("csv").orElseThrow(), samples.resolve("approvals.csv"), settings,
                    n -> { });
            sjis = run.run(Importer.forFormat("csv").orElseThrow(), shiftJis, settings, n -> { });
        }

        assertThat(report.written()).isPositive();
        assertThat(report.rejected()).containsKey(RejectionReason.MALFORMED);
        assertThat(readRaw(kafka)).hasSize((int) (report.written() + sjis.written()));
        // Other bytes, so other ids: the Shift_JIS file's rows are stored as its own, with the same outcome.
        assertThat(sjis.written()).isEqualTo(report.written());
        assertThat(sjis.rejected()).isEqualTo(report.rejected());
    }

    private static IngestConfig config(TestKafka kafka, Path sourcesFile) {
        Map<String, String> raw = new HashMap<>(kafka.settings());
        raw.put("ingest.instance-id", kafka.topicPrefix() + "import");
        raw.put("ingest.sources-file", sourcesFile.toString());
        return new IngestConfig(raw);
    }

    /** The import's Kafka side, as ./mieruka import sets it up. */
    private static final class Session implements AutoCloseable {
        final EventPublisher publisher;
        final AcceptedKeys keys = new AcceptedKeys();
        final RawTopicKeys stored;

        Session(IngestConfig config) throws InterruptedException {
            publisher = new EventPublisher(config);
            stored = new RawTopicKeys(config.bootstrap, TopicCatalog.RAW_EVENTS.name(config.topicsPrefix), keys);
            stored.start();
            assertThat(stored.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        }

        FileImport fileImport(SourceRegistry sources, String source, Path checkpoints) {
            return new FileImport(new IdempotentWriter(publisher, keys),
                    new EventAdmission(new EventScreen(sources.personalData())), sources.find(source).orElseThrow(),
                    1000, checkpoints);
        }

        @Override
        public void close() {
            stored.close();
            publisher.close();
        }
    }

    private static List<WorkEvent> readRaw(TestKafka kafka) {
        var serde = Serdes.workEvent();
        return TopicContents.readToEnd(kafka, TopicCatalog.RAW_EVENTS.name(kafka.topicPrefix())).stream()
                .map(r -> serde.decode(r.value())).toList();
    }
}
