package org.mieruka.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.mieruka.cli.Progress;
import org.mieruka.cli.ProjectRoot;
import org.mieruka.ingest.EventPublisher;
import org.mieruka.ingest.IdempotentWriter;
import org.mieruka.ingest.IngestConfig;
import org.mieruka.ingest.admission.EventAdmission;
import org.mieruka.ingest.dedup.AcceptedKeys;
import org.mieruka.ingest.dedup.RawTopicKeys;
import org.mieruka.ingest.importer.FileImport;
import org.mieruka.ingest.importer.ImportSettings;
import org.mieruka.ingest.importer.Importer;
import org.mieruka.ingest.privacy.EventScreen;
import org.mieruka.ingest.source.SourceLimits;
import org.mieruka.ingest.source.SourceRegistration;
import org.mieruka.ingest.source.SourceRegistry;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.schemas.topic.TopicProvisioner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./mieruka import <format> <file|dir> --source S}: exported files into Kafka as the source's
 * events, each record admitted as the HTTP collector would, no event id stored twice.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import exported files (docs/importers.md): formats xes, csv, m365, teams, zoom, workmode.",
                "Resumable and idempotent: importing a file twice stores it once."})
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    ConfigFileOption config;

    @Parameters(index = "0", paramLabel = "FORMAT", description = "xes, csv, m365, teams, zoom or workmode")
    String format;

    @Parameters(index = "1", paramLabel = "PATH", description = "a file, or a folder whose files are all imported")
    Path path;

    @Option(names = "--source", required = true, description = "the registered source_system the file comes from")
    String source;

    @Option(names = "--mapping", paramLabel = "FILE", description = "the mapping file (csv format)")
    Path mapping;

    @Option(names = "--zone", defaultValue = "Asia/Tokyo", description = "time zone of local times in the file (default: ${DEFAULT-VALUE})")
    ZoneId zone;

    @Option(names = "--batch", defaultValue = "1000", description = "events per Kafka transaction (default: ${DEFAULT-VALUE})")
    int batch;

    @Override
    public Integer call() throws Exception {
        Importer importer = Importer.forFormat(format).orElse(null);
        if (importer == null) {
            System.err.println("mieruka: no importer for '" + format + "'; formats: "
                    + Importer.all().stream().map(Importer::format).collect(Collectors.joining(", ")));
            return 2;
        }
        Map<String, String> overrides = new HashMap<>();
        // The import's own transactional ids, so that it never fences a running collector.
        overrides.put(IngestConfig.INSTANCE_ID, "import-" + ProcessHandle.current().pid());
        IngestConfig settings = IngestConfig.load(config.file(), System.getenv(), overrides);
        SourceRegistry sources = SourceRegistry.load(settings.sourcesFile, new SourceLimits(settings.maxBodyBytes,
                settings.maxEventsPerBatch, settings.requestsPerSecond));
        SourceRegistration registration = sources.find(source).orElse(null);
        if (registration == null) {
            System.err.println("mieruka: source '" + source + "' is not in " + settings.sourcesFile);
            return 2;
        }
        List<Path> files = Files.isDirectory(path)
                ? Stream.of(path.toFile().listFiles()).map(java.io.File::toPath)
                        .filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")).sorted().toList()
                : List.of(path);
        ImportSettings importSettings = ImportSettings.forSource(registration, zone);
        if (mapping != null) {
            importSettings = importSettings.withMappingFile(mapping);
        }

        Progress progress = new Progress(System.out);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap))) {
            new TopicProvisioner(admin, settings.topicsPrefix, settings.replicationFactor).ensure(TopicCatalog.all());
        }
        AcceptedKeys keys = new AcceptedKeys();
        try (RawTopicKeys stored = new RawTopicKeys(settings.bootstrap,
                TopicCatalog.RAW_EVENTS.name(settings.topicsPrefix), keys);
             EventPublisher publisher = new EventPublisher(settings)) {
            stored.start();
            progress.run("Reading the event ids already in Kafka", () -> {
                if (!stored.awaitCaughtUp(Duration.ofMinutes(10))) {
                    throw new IllegalStateException("Kafka at " + settings.bootstrap + " did not answer");
                }
            });
            FileImport run = new FileImport(new IdempotentWriter(publisher, keys),
                    new EventAdmission(new EventScreen(sources.personalData())), registration, batch,
                    ProjectRoot.get().resolve("var").resolve("imports"));
            for (Path file : files) {
                long started = System.nanoTime();
                ImportSettings fileSettings = importSettings;
                FileImport.Report report = progress.step("Importing " + file.getFileName() + " (" + format + ")",
                        () -> run.run(importer, file, fileSettings, done -> progress.note(String.format(
                                "%,d records, %,.0f records/s", done, done / ((System.nanoTime() - started) / 1e9)))));
                System.out.printf("  %,d records: %,d stored, %,d already stored, %,d rejected, %,d ignored%s%n",
                        report.records(), report.written(), report.duplicates(), report.rejectedTotal(),
                        report.ignored(), report.resumedAfter() > 0 ? " (resumed after " + report.resumedAfter() + ")" : "");
                report.rejected().forEach((reason, count) -> System.out.printf("    %-16s %,d%n", reason, count));
            }
        }
        return 0;
    }
}
