package org.mieruka.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.mieruka.schemas.deadletter.RejectionReason;

/** The collector's meters: accepted and rejected events (by reason), batch latency and bytes. */
final class IngestMetrics {

    private final MeterRegistry registry;
    final Counter accepted;
    final Timer batchLatency;
    final DistributionSummary bytes;
    final Counter unavailable;
    final Counter duplicates;
    final Counter droppedAttributes;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("mieruka.ingest.events.accepted")
                .description("Events written to Kafka").register(registry);
        this.batchLatency = Timer.builder("mieruka.ingest.batch.latency")
                .description("Time from request to Kafka acknowledgement").publishPercentileHistogram()
                .register(registry);
        this.bytes = DistributionSummary.builder("mieruka.ingest.request.bytes").baseUnit("bytes")
                .description("Request body sizes").register(registry);
        this.unavailable = Counter.builder("mieruka.ingest.kafka.unavailable")
                .description("Requests answered 503 because Kafka did not take the batch").register(registry);
        this.duplicates = Counter.builder("mieruka.ingest.events.duplicate")
                .description("Events not written again: their (source_system, event_id) was already in Kafka")
                .register(registry);
        this.droppedAttributes = Counter.builder("mieruka.ingest.attributes.dropped")
                .description("Attributes dropped from accepted events: not on their source's allow-list")
                .register(registry);
        for (RejectionReason reason : RejectionReason.values()) {
            rejected(reason); // register every reason at 0 so dashboards show them before the first rejection
        }
    }

    Counter rejected(RejectionReason reason) {
        return Counter.builder("mieruka.ingest.events.rejected").tag("reason", reason.name())
                .description("Events rejected, by reason").register(registry);
    }

    Counter limited(String reason) {
        return Counter.builder("mieruka.ingest.requests.limited").tag("reason", reason)
                .description("Requests refused by a limit, by reason").register(registry);
    }
}
