package org.mieruka.testsupport;

/**
 * A real ClickHouse server for one test, with a database of its own (created before the test,
 * dropped after it).
 *
 * @param url      HTTP endpoint, e.g. {@code http://127.0.0.1:18123}
 * @param user     user name
 * @param password password (may be empty)
 * @param database this test's database
 * @param origin   where the server came from (environment, testcontainers, local)
 */
public record TestClickHouse(String url, String user, String password, String database, String origin) {

    /** Mieruka settings pointing at this server and this test's database. */
    public java.util.Map<String, String> settings() {
        return java.util.Map.of("clickhouse.url", url, "clickhouse.user", user, "clickhouse.password", password,
                "clickhouse.database", database);
    }
}
