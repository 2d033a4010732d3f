package org.mieruka.store.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mieruka.store.ClickHouseEndpoint;
import org.mieruka.store.ClickHouseSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database up to the newest migration: checks the server version, creates the database,
 * then applies each migration not yet recorded in {@code schema_migrations}. Safe to run at every
 * start-up and from any earlier version.
 */
public final class Migrator {

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    static final String HISTORY_DDL = """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version UInt32,
                name String,
                checksum String,
                applied_at DateTime
            ) ENGINE = MergeTree() ORDER BY version""";

    private final ClickHouseEndpoint endpoint;
    private final List<Migration> migrations;

    public Migrator(ClickHouseEndpoint endpoint) {
        this(endpoint, MigrationCatalog.load());
    }

    Migrator(ClickHouseEndpoint endpoint, List<Migration> migrations) {
        this.endpoint = endpoint;
        this.migrations = migrations;
    }

    /** The outcome: the server version and the migrations applied by this run. */
    public record Report(String serverVersion, int currentVersion, List<String> applied) {
    }

    public Report migrate() {
        String version;
        try (ClickHouseSession server = new ClickHouseSession(endpoint.withDatabase(""))) {
            version = checkVersion(server);
            server.execute("CREATE DATABASE IF NOT EXISTS " + endpoint.database());
        }
        try (ClickHouseSession db = new ClickHouseSession(endpoint)) {
            db.execute(HISTORY_DDL);
            Map<Integer, String> applied = new HashMap<>();
            for (JsonNode row : db.query("SELECT version, checksum FROM schema_migrations FORMAT JSONEachRow")) {
                applied.put(row.get("version").asInt(), row.get("checksum").asText());
            }
            List<String> done = new ArrayList<>();
            for (Migration migration : migrations) {
                String checksum = applied.get(migration.version());
                if (checksum != null) {
                    if (!checksum.equals(migration.checksum())) {
                        throw new IllegalStateException("migration V" + migration.version() + " (" + migration.name()
                                + ") was changed after it was applied to " + endpoint
                                + "; released migrations are never edited: add a new one");
                    }
                    continue;
                }
                for (String statement : migration.statements()) {
                    db.execute(statement);
                }
                db.execute("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ("
                        + migration.version() + ", '" + migration.name() + "', '" + migration.checksum() + "', now())");
                done.add("V" + migration.version() + "__" + migration.name());
                LOG.info("migration applied version={} name={} database={}", migration.version(), migration.name(),
                        endpoint.database());
            }
            return new Report(version, migrations.size(), done);
        }
    }

    private static String checkVersion(ClickHouseSession server) {
        String text = server.query("SELECT version() AS v FORMAT JSONEachRow").get(0).get("v").asText();
        ServerVersion version = ServerVersion.parse(text);
        if (!version.supported()) {
            throw new UnsupportedServerException(server.endpoint(), text);
        }
        return text;
    }
}
