package org.mieruka.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.mieruka.schemas.config.CommonSettings;
import org.mieruka.schemas.config.ConfigLoader;

/** Settings of the HTTP collector ({@code ./mieruka ingest}), read once at start-up. */
public final class IngestConfig {

    public static final String HTTP_HOST = "ingest.http.host";
    public static final String HTTP_PORT = "ingest.http.port";
    public static final String MAX_BODY_BYTES = "ingest.max-body-bytes";
    public static final String MAX_EVENTS = "ingest.max-events-per-batch";
    public static final String KAFKA_TIMEOUT = "ingest.kafka.timeout-ms";
    public static final String PRODUCERS = "ingest.producers";
    public static final String INSTANCE_ID = "ingest.instance-id";
    public static final String SOURCES_FILE = "ingest.sources-file";
    public static final String TOKENS_FILE = "ingest.tokens-file";
    public static final String REQUESTS_PER_SECOND = "ingest.requests-per-second";

    public static final ConfigDef DEFINITION = definition();

    public final String bootstrap;
    public final String topicsPrefix;
    public final short replicationFactor;
    public final String host;
    public final int port;
    public final int maxBodyBytes;
    public final int maxEventsPerBatch;
    public final Duration kafkaTimeout;
    public final int producers;
    public final String instanceId;
    public final Path sourcesFile;
    public final Path tokensFile;
    public final int requestsPerSecond;

    public IngestConfig(Map<String, String> raw) {
        Map<String, Object> v = ConfigLoader.parse("ingest", DEFINITION, raw);
        bootstrap = (String) v.get(CommonSettings.KAFKA_BOOTSTRAP);
        topicsPrefix = (String) v.get(CommonSettings.TOPICS_PREFIX);
        replicationFactor = (Short) v.get(CommonSettings.TOPICS_REPLICATION);
        host = (String) v.get(HTTP_HOST);
        port = (Integer) v.get(HTTP_PORT);
        maxBodyBytes = (Integer) v.get(MAX_BODY_BYTES);
        maxEventsPerBatch = (Integer) v.get(MAX_EVENTS);
        kafkaTimeout = Duration.ofMillis((Long) v.get(KAFKA_TIMEOUT));
        producers = (Integer) v.get(PRODUCERS);
        instanceId = (String) v.get(INSTANCE_ID);
        sourcesFile = resolve((String) v.get(SOURCES_FILE));
        tokensFile = resolve((String) v.get(TOKENS_FILE));
        requestsPerSecond = (Integer) v.get(REQUESTS_PER_SECOND);
    }

    /** A relative path is relative to the Mieruka home (the launcher sets it), else to the working directory. */
    static Path resolve(String path) {
        String home = System.getProperty("mieruka.home");
        Path given = Path.of(path);
        return given.isAbsolute() || home == null ? given.toAbsolutePath().normalize()
                : Path.of(home).resolve(given).normalize();
    }

    public static IngestConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        return new IngestConfig(ConfigLoader.gather(DEFINITION, file, env, overrides));
    }

    private static ConfigDef definition() {
        ConfigDef def = new ConfigDef();
        CommonSettings.defineKafka(def);
        return def
                .define(HTTP_HOST, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "Address the collector listens on (0.0.0.0 to accept other machines, as in docker-compose).")
                .define(HTTP_PORT, Type.INT, 8080, ConfigDef.Range.between(0, 65535), Importance.HIGH,
                        "HTTP port of the collector; 0 picks a free port. /metrics is served on the same port.")
                .define(MAX_BODY_BYTES, Type.INT, 10 * 1024 * 1024, ConfigDef.Range.between(1024, 512 * 1024 * 1024),
                        Importance.MEDIUM, "Largest request body accepted, in bytes; larger bodies get 413.")
                .define(MAX_EVENTS, Type.INT, 10_000, ConfigDef.Range.between(1, 1_000_000), Importance.MEDIUM,
                        "Most events in one request; more get 413 with reason TOO_MANY_EVENTS.")
                .define(KAFKA_TIMEOUT, Type.LONG, 15_000L, ConfigDef.Range.between(1_000, 300_000), Importance.MEDIUM,
                        "How long a request waits for Kafka to take its events before answering 503 (ms).")
                .define(PRODUCERS, Type.INT, 2, ConfigDef.Range.between(1, 64), Importance.LOW,
                        "Transactional producers: how many transactions (each grouping the requests that arrived meanwhile) are in flight at once.")
                .define(SOURCES_FILE, Type.STRING, "config/sources.json", new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "The registered sources: attribute allow-lists, identity maps, step tables "
                                + "and per-source limits (docs/sources.md). Relative to the Mieruka home.")
                .define(TOKENS_FILE, Type.STRING, "var/ingest/tokens.json", new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "The sources' API tokens, stored hashed; managed with ./mieruka tokens. "
                                + "Relative to the Mieruka home.")
                .define(REQUESTS_PER_SECOND, Type.INT, 50, ConfigDef.Range.between(1, 100_000), Importance.MEDIUM,
                        "Requests per second a source may send unless its own limits say otherwise; more get 429.")
                .define(INSTANCE_ID, Type.STRING, "ingest-1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                        "Unique name of this collector instance; its producers' transactional ids derive from it, "
                                + "so two running instances must not share it.");
    }
}
