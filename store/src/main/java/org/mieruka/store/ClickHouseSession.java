package org.mieruka.store;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ClientException;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.data.ClickHouseFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Statements, reads and inserts against one ClickHouse database through the official client
 * (client-v2). Reads use {@code FORMAT JSONEachRow}, written into the SQL so that ClickHouse 18.16
 * and current releases answer alike; every failure quotes the SQL that failed.
 */
public final class ClickHouseSession implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    private final ClickHouseEndpoint endpoint;
    private final Client client;

    public ClickHouseSession(ClickHouseEndpoint endpoint) {
        this.endpoint = endpoint;
        Client.Builder builder = new Client.Builder()
                .addEndpoint(endpoint.url())
                .setUsername(endpoint.user())
                .setPassword(endpoint.password())
                // 18.16 does not speak the client's compressed framing: plain HTTP bodies both ways.
                .compressServerResponse(false)
                .compressClientRequest(false)
                .setConnectTimeout(5, ChronoUnit.SECONDS)
                .setSocketTimeout(TIMEOUT_SECONDS, ChronoUnit.SECONDS);
        if (endpoint.database() != null && !endpoint.database().isEmpty()) {
            builder.serverSetting("database", endpoint.database());
        }
        this.client = builder.build();
    }

    public ClickHouseEndpoint endpoint() {
        return endpoint;
    }

    /** Runs a statement that returns no rows (DDL, INSERT ... SELECT, ...). */
    public void execute(String sql) {
        try {
            client.execute(sql).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).close();
        } catch (Exception e) {
            throw failure(sql, e);
        }
    }

    /** Runs a read; the SQL must end with {@code FORMAT JSONEachRow}. One JSON object per row. */
    public List<JsonNode> query(String sql) {
        if (!sql.strip().toUpperCase(Locale.ROOT).endsWith("FORMAT JSONEACHROW")) {
            throw new IllegalArgumentException("reads must end with FORMAT JSONEachRow: " + sql);
        }
        try (QueryResponse response = client.query(sql).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
             BufferedReader reader = new BufferedReader(
                     new InputStreamReader(response.getInputStream(), StandardCharsets.UTF_8))) {
            List<JsonNode> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(JSON.readTree(line));
                }
            }
            return rows;
        } catch (Exception e) {
            throw failure(sql, e);
        }
    }

    /** Inserts rows given as JSON objects, one per line, in one request. */
    public void insertJsonEachRow(String table, List<String> rows) {
        String body = String.join("\n", rows);
        try {
            client.insert(table, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                    ClickHouseFormat.JSONEachRow).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).close();
        } catch (Exception e) {
            throw failure("INSERT INTO " + table + " FORMAT JSONEachRow (" + rows.size() + " rows)", e);
        }
    }

    public boolean ping() {
        return client.ping(5_000);
    }

    private static ClickHouseStatementException failure(String sql, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new ClickHouseStatementException(sql, cause, isRetriable(cause));
    }

    /** Unreachable or slow servers are worth retrying; a statement the server refused is not. */
    static boolean isRetriable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ServerException server) {
                return server.isRetryable();
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof TimeoutException
                    || t instanceof org.apache.hc.client5.http.HttpHostConnectException
                    || t instanceof org.apache.hc.core5.http.NoHttpResponseException) {
                return true;
            }
            if (t instanceof IOException && !(t instanceof ClientException)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        client.close();
    }
}
