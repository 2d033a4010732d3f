package org.mieruka.store;

/**
 * Where Mieruka's tables live.
 *
 * @param url      HTTP endpoint, e.g. {@code http://127.0.0.1:18123}
 * @param user     user name
 * @param password password, may be empty
 * @param database database holding Mieruka's tables (created by the migrations)
 */
public record ClickHouseEndpoint(String url, String user, String password, String database) {

    public ClickHouseEndpoint withDatabase(String other) {
        return new ClickHouseEndpoint(url, user, password, other);
    }

    @Override
    public String toString() {
        return url + "/" + database + " as " + user; // never the password
    }
}
