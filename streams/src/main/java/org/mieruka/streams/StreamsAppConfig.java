package org.mieruka.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;
import org.mieruka.schemas.config.CommonSettings;
import org.mieruka.schemas.config.ConfigLoader;
import org.mieruka.schemas.config.InvalidConfigException;
import org.mieruka.schemas.calendar.CityCalendar;
import org.mieruka.schemas.source.AttributeAllowList;
import org.mieruka.streams.privacy.PseudonymKeys;
import org.mieruka.streams.workload.WorkRules;

/** Settings of the stream processors ({@code ./mieruka streams}), read once at start-up. */
public final class StreamsAppConfig {

    public static final String APPLICATION_ID = "streams.application-id";
    public static final String STATE_DIR = "streams.state-dir";
    public static final String COMMIT_INTERVAL = "streams.commit-interval-ms";
    public static final String PSEUDONYM_KEYS = "privacy.pseudonym.keys";
    public static final String PSEUDONYM_ACTIVE_KEY = "privacy.pseudonym.active-key";
    public static final String SOURCES_FILE = "privacy.sources-file";
    public static final String LATENESS_GRACE = "lateness.grace-days";
    public static final String ACTIVITY_GAP = "activity.gap-minutes";
    public static final String ACTIVITY_TAIL = "activity.tail-minutes";
    public static final String WORK_START = "working-hours.start";
    public static final String WORK_END = "working-hours.end";
    public static final String DAY_RETENTION = "metrics.day-retention-days";
    public static final String STATE_MEMORY = "streams.state-memory-mb";
    public static final String THREADS = "streams.threads";

    public static final ConfigDef DEFINITION = definition();

    public final String bootstrap;
    public final String topicsPrefix;
    public final short replicationFactor;
    public final ZoneId zone;
    public final String applicationId;
    public final Path stateDir;
    public final Duration commitInterval;
    public final int metricsPort;
    public final PseudonymKeys pseudonymKeys;
    /** The sources file, resolved against the Mieruka home. */
    public final Path sourcesFile;
    /** Its attribute allow-lists: the privacy stage drops what is not on them, and refuses unknown sources. */
    public final AttributeAllowList allowList;
    public final Duration latenessGrace;
    public final WorkRules workRules;
    public final Duration dayRetention;
    public final long stateMemoryBytes;
    public final int threads;

    public StreamsAppConfig(Map<String, String> raw) {
        Map<String, Object> v = ConfigLoader.parse("streams", DEFINITION, raw);
        bootstrap = (String) v.get(CommonSettings.KAFKA_BOOTSTRAP);
        topicsPrefix = (String) v.get(CommonSettings.TOPICS_PREFIX);
        replicationFactor = (Short) v.get(CommonSettings.TOPICS_REPLICATION);
        zone = CommonSettings.zone(v);
        applicationId = (String) v.get(APPLICATION_ID);
        stateDir = Path.of((String) v.get(STATE_DIR));
        commitInterval = Duration.ofMillis((Long) v.get(COMMIT_INTERVAL));
        metricsPort = (Integer) v.get(CommonSettings.METRICS_PORT);
        latenessGrace = Duration.ofDays((Integer) v.get(LATENESS_GRACE));
        dayRetention = Duration.ofDays((Integer) v.get(DAY_RETENTION));
        stateMemoryBytes = ((Integer) v.get(STATE_MEMORY)).longValue() << 20;
        threads = (Integer) v.get(THREADS);
        List<String> problems = new ArrayList<>();
        LocalTime start = time(WORK_START, (String) v.get(WORK_START), problems);
        LocalTime end = time(WORK_END, (String) v.get(WORK_END), problems);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.add(WORK_START + " must be before " + WORK_END + " (got " + start + " and " + end + ")");
        }
        workRules = new WorkRules(zone, Duration.ofMinutes((Integer) v.get(ACTIVITY_GAP)),
                Duration.ofMinutes((Integer) v.get(ACTIVITY_TAIL)), start, end, CityCalendar.standard()::isWorkingDay);
        Password keys = (Password) v.get(PSEUDONYM_KEYS);
        pseudonymKeys = PseudonymKeys.parse(keys == null ? null : keys.value(), (String) v.get(PSEUDONYM_ACTIVE_KEY),
                problems);
        sourcesFile = resolve((String) v.get(SOURCES_FILE));
        allowList = allowList(sourcesFile, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException("streams", problems);
        }
    }

    /** A relative path is relative to the Mieruka home (the launcher sets it), else to the working directory. */
    static Path resolve(String path) {
        String home = System.getProperty("mieruka.home");
        Path given = Path.of(path);
        return given.isAbsolute() || home == null ? given.toAbsolutePath().normalize()
                : Path.of(home).resolve(given).normalize();
    }

    /** The file's allow-lists, or null with each of its problems, naming the setting and the file. */
    private static AttributeAllowList allowList(Path file, List<String> problems) {
        try {
            return AttributeAllowList.read(file);
        } catch (InvalidConfigException e) {
            String where = SOURCES_FILE + " (" + ConfigLoader.envName(SOURCES_FILE) + ") = " + file + ": ";
            for (String problem : e.problems()) {
                // The problems name the file by its path or its name: say it once.
                for (String name : List.of(file + ": ", file.getFileName() + ": ")) {
                    if (problem.startsWith(name)) {
                        problem = problem.substring(name.length());
                        break;
                    }
                }
                problems.add(where + problem);
            }
            return null;
        }
    }

    private static LocalTime time(String name, String value, List<String> problems) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(name + " must be a local time such as 08:30 (got \"" + value + "\")");
            return null;
        }
    }

    public static StreamsAppConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        return new StreamsAppConfig(ConfigLoader.gather(DEFINITION, file, env, overrides));
    }

    private static ConfigDef definition() {
        ConfigDef def = new ConfigDef();
        CommonSettings.defineKafka(def);
        CommonSettings.defineTimeZone(def);
        CommonSettings.defineMetricsPort(def, 9402);
        return def
                .define(APPLICATION_ID, Type.STRING, "mieruka-streams", new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Kafka Streams application id: names the consumer group, internal topics and "
                                + "state. Changing it starts the processors from scratch.")
                .define(STATE_DIR, Type.STRING, "var/streams", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                        "Folder of the local state stores (rebuilt from Kafka when lost).")
                .define(PSEUDONYM_KEYS, Type.PASSWORD, "", Importance.HIGH,
                        "Secret keys staff ids are pseudonymised under, as id=base64,id=base64 (each at least 32 "
                                + "random bytes). Required. Keep them secret and never change one in place: add a new "
                                + "id and make it active (docs/privacy.md).")
                .define(PSEUDONYM_ACTIVE_KEY, Type.STRING, "", Importance.HIGH,
                        "Id of the key new pseudonyms are made with; empty: the last of privacy.pseudonym.keys.")
                .define(SOURCES_FILE, Type.STRING, "config/sources.json", new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "The registered sources, the same file as ingest.sources-file (docs/sources.md): "
                                + "the privacy stage drops attributes not on an event's source's allow-list (counted) "
                                + "and dead-letters events of a source not in it as UNKNOWN_SOURCE. Read at start-up. "
                                + "Relative to the Mieruka home.")
                .define(LATENESS_GRACE, Type.INT, 14, ConfigDef.Range.between(0, 365), Importance.MEDIUM,
                        "lateness.grace of metrics.md, in days: an activity event is LATE (dead-lettered, counted) "
                                + "when its source's stream time has passed the local midnight ending its date plus "
                                + "this.")
                .define(ACTIVITY_GAP, Type.INT, 15, ConfigDef.Range.between(1, 240), Importance.MEDIUM,
                        "activity.gap of metrics.md §1, in minutes: a non-meeting event is credited up to the same "
                                + "employee's next activity event when that comes at most this much later.")
                .define(ACTIVITY_TAIL, Type.INT, 5, ConfigDef.Range.between(0, 240), Importance.MEDIUM,
                        "activity.tail of metrics.md §1, in minutes: the credit of a non-meeting event with no next "
                                + "event within the gap.")
                .define(THREADS, Type.INT, 1, ConfigDef.Range.between(1, 64), Importance.MEDIUM,
                        "Stream threads of this instance (num.stream.threads); tasks are spread over them.")
                .define(STATE_MEMORY, Type.INT, 256, ConfigDef.Range.between(16, 65_536), Importance.MEDIUM,
                        "Off-heap memory (MiB) shared by all RocksDB state stores of the process: block cache and "
                                + "write buffers together (docs/streams.md).")
                .define(DAY_RETENTION, Type.INT, 400, ConfigDef.Range.between(30, 3660), Importance.MEDIUM,
                        "How many days the workload stage keeps each employee-day's events, counted back from the "
                                + "newest date it has seen. A work-mode report for an older day finds nothing left to "
                                + "update (docs/streams.md).")
                .define(WORK_START, Type.STRING, "08:30", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                        "Start of working hours on working days (local time, inclusive); credit outside working "
                                + "hours is after-hours credit (metrics.md §2).")
                .define(WORK_END, Type.STRING, "17:15", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                        "End of working hours on working days (local time, exclusive).")
                .define(COMMIT_INTERVAL, Type.LONG, 100L, ConfigDef.Range.between(10, 60_000), Importance.LOW,
                        "How often results are committed (ms). Under exactly-once, outputs become visible to "
                                + "read_committed readers at each commit.");
    }
}
