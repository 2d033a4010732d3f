package org.mieruka.ingest;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.mieruka.ingest.dedup.AcceptedKeys;
import org.mieruka.ingest.dedup.RawTopicKeys;
import org.mieruka.ingest.source.SourceLimits;
import org.mieruka.ingest.source.SourceRegistry;
import org.mieruka.ingest.source.TokenStore;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.schemas.topic.TopicProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP collector: {@code POST /v1/events}, {@code GET /health/live}, {@code GET /health/ready}
 * (Kafka reachable) and {@code GET /metrics} (Prometheus). On stop it refuses new requests and lets
 * those in flight finish.
 */
public final class IngestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestServer.class);

    private final IngestConfig config;
    private final PrometheusMeterRegistry registry;
    private final EventPublisher publisher;
    private final AcceptedKeys keys = new AcceptedKeys();
    private final RawTopicKeys rawTopicKeys;
    private final Admin admin;
    private final Server server;
    private final ServerConnector connector;

    public IngestServer(IngestConfig config, PrometheusMeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.publisher = new EventPublisher(config);
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap);
        adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        this.admin = Admin.create(adminProps);
        this.rawTopicKeys = new RawTopicKeys(config.bootstrap, TopicCatalog.RAW_EVENTS.name(config.topicsPrefix), keys);
        SourceRegistry sources = SourceRegistry.load(config.sourcesFile,
                new SourceLimits(config.maxBodyBytes, config.maxEventsPerBatch, config.requestsPerSecond));
        EventsEndpoint events = new EventsEndpoint(new IdempotentWriter(publisher, keys), new IngestMetrics(registry),
                new TokenStore(config.tokensFile), sources);

        this.server = new Server();
        this.connector = new ServerConnector(server);
        connector.setHost(config.host);
        connector.setPort(config.port);
        server.addConnector(connector);
        server.setStopTimeout(Duration.ofSeconds(30).toMillis());
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(new Routes(events));
        server.setHandler(graceful);
    }

    public static IngestServer withPrometheus(IngestConfig config) {
        return new IngestServer(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /**
     * Creates missing topics, loads the ids already stored, then listens. Fails when Kafka cannot be
     * reached at start-up.
     */
    public void start() throws Exception {
        new TopicProvisioner(admin, config.topicsPrefix, config.replicationFactor).ensure(TopicCatalog.all());
        startWithoutTopics();
        if (!rawTopicKeys.awaitCaughtUp(Duration.ofMinutes(5))) {
            LOG.warn("ids already stored not loaded after 5 minutes; POST answers 503 until they are");
        }
    }

    /** Listens without touching Kafka first: requests then get 503 until Kafka is reachable. */
    public void startWithoutTopics() throws Exception {
        rawTopicKeys.start();
        server.start();
        LOG.info("ingest listening host={} port={}", config.host, port());
    }

    public int port() {
        return connector.getLocalPort();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    boolean kafkaReachable() {
        try {
            admin.describeCluster().clusterId().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private final class Routes extends Handler.Abstract {
        private final EventsEndpoint events;

        Routes(EventsEndpoint events) {
            this.events = events;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            String method = request.getMethod();
            switch (path) {
                case "/v1/events" -> {
                    if (!HttpMethod.POST.is(method)) {
                        reply(response, callback, EventsEndpoint.Reply.error(405, "METHOD_NOT_ALLOWED", "use POST"));
                    } else if (!rawTopicKeys.caughtUp()) {
                        // Until every id already in Kafka is known a repeat could slip through; the
                        // loader also waits here while Kafka is away.
                        reply(response, callback, new EventsEndpoint.Reply(503, EventsEndpoint.Reply.error(503,
                                "KAFKA_UNAVAILABLE", "events not stored: the ids already in Kafka are not loaded yet "
                                        + "(starting, or Kafka unreachable); retry the same batch later").body(), 5));
                    } else {
                        reply(response, callback, events.handle(request));
                    }
                }
                case "/health/live" -> reply(response, callback, new EventsEndpoint.Reply(200, "{\"status\":\"UP\"}", null));
                case "/health/ready" -> reply(response, callback, rawTopicKeys.caughtUp() && kafkaReachable()
                        ? new EventsEndpoint.Reply(200, "{\"status\":\"READY\"}", null)
                        : EventsEndpoint.Reply.error(503, "KAFKA_UNAVAILABLE", "Kafka is not reachable"));
                case "/metrics" -> {
                    response.setStatus(200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                    Content.Sink.write(response, true, registry.scrape(), callback);
                }
                default -> reply(response, callback, EventsEndpoint.Reply.error(404, "NOT_FOUND", "no such endpoint"));
            }
            return true;
        }

        private void reply(Response response, Callback callback, EventsEndpoint.Reply reply) {
            response.setStatus(reply.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            if (reply.retryAfterSeconds() != null) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, reply.retryAfterSeconds().toString());
            }
            if (reply.status() >= 400) {
                // Refused before its body was read: the server drops the connection, so tell the client
                // not to reuse it (else its next request on it meets a closed socket).
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            response.write(true, StandardCharsets.UTF_8.encode(reply.body()), callback);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop(); // graceful: in-flight requests finish first
        rawTopicKeys.close();
        publisher.close();
        admin.close(Duration.ofSeconds(5));
    }
}
