package org.mieruka.cli.command;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/** {@code /metrics} (Prometheus) and {@code /health/ready} for services that have no HTTP API of their own. */
final class MetricsServer implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    MetricsServer(String host, int port, PrometheusMeterRegistry registry, BooleanSupplier ready) {
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = Request.getPathInContext(request);
                String body;
                if ("/metrics".equals(path)) {
                    response.setStatus(200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                    body = registry.scrape();
                } else if ("/health/ready".equals(path) || "/health/live".equals(path)) {
                    boolean up = "/health/live".equals(path) || ready.getAsBoolean();
                    response.setStatus(up ? 200 : 503);
                    body = up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}";
                } else {
                    response.setStatus(404);
                    body = "{\"error\":\"NOT_FOUND\"}";
                }
                response.write(true, StandardCharsets.UTF_8.encode(body), callback);
                return true;
            }
        });
    }

    MetricsServer start() throws Exception {
        server.start();
        return this;
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
