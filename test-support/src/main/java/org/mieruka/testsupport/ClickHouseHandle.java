package org.mieruka.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/** The one ClickHouse server shared by a test JVM, reached over HTTP. */
final class ClickHouseHandle implements AutoCloseable {

    static final int LOCAL_DEFAULT_HTTP_PORT = 18123;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String url;
    private final String user;
    private final String password;
    private final String origin;
    private final AutoCloseable resource;

    private ClickHouseHandle(String url, String user, String password, String origin, AutoCloseable resource) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.user = user;
        this.password = password;
        this.origin = origin;
        this.resource = resource;
    }

    static ClickHouseHandle fromEnvironment(String url, String user, String password) {
        return new ClickHouseHandle(url, user, password, "environment (MIERUKA_CLICKHOUSE_URL)", () -> { });
    }

    @SuppressWarnings("resource")
    static ClickHouseHandle fromTestcontainers() {
        GenericContainer<?> container = new GenericContainer<>("clickhouse/clickhouse-server:25.8")
                .withExposedPorts(8123)
                .withEnv("CLICKHOUSE_SKIP_USER_SETUP", "1")
                .waitingFor(Wait.forHttp("/ping").forPort(8123).withStartupTimeout(Duration.ofMinutes(2)));
        container.start();
        String url = "http://" + container.getHost() + ":" + container.getMappedPort(8123);
        return new ClickHouseHandle(url, "default", "", "testcontainers (clickhouse/clickhouse-server)", container::stop);
    }

    static ClickHouseHandle local(int port) {
        return new ClickHouseHandle("http://127.0.0.1:" + port, "default", "", "local server (./mieruka stack)", () -> { });
    }

    boolean answers() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/ping"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs one statement; failures quote the statement (ClickHouse 18.16 sends little error text). */
    void execute(String sql) {
        String query = "?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/" + query))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ClickHouse at " + url + " answered " + response.statusCode()
                        + " to: " + sql + " — " + response.body().strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("ClickHouse at " + url + " unreachable running: " + sql, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running: " + sql, e);
        }
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String origin() {
        return origin;
    }

    @Override
    public void close() throws Exception {
        resource.close();
    }
}
