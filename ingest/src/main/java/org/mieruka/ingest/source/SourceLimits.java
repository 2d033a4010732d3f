package org.mieruka.ingest.source;

/**
 * How much one source may send: the largest request body, the most events in one request and the
 * requests per second its tokens may make. A source without its own {@code limits} gets the global
 * ingest settings ({@code ingest.max-body-bytes}, {@code ingest.max-events-per-batch}) and
 * {@link #DEFAULT_REQUESTS_PER_SECOND}, until a global key for it exists.
 */
public record SourceLimits(int maxBodyBytes, int maxEventsPerBatch, int requestsPerSecond) {

    /** Proposed global key {@code ingest.requests-per-second}; this is its intended default. */
    public static final int DEFAULT_REQUESTS_PER_SECOND = 50;

    static final int MIN_BODY_BYTES = 1024;
    static final int MAX_BODY_BYTES = 512 * 1024 * 1024;
    static final int MAX_EVENTS = 1_000_000;
    static final int MAX_REQUESTS_PER_SECOND = 100_000;

    public SourceLimits {
        if (maxBodyBytes < MIN_BODY_BYTES || maxBodyBytes > MAX_BODY_BYTES || maxEventsPerBatch < 1
                || maxEventsPerBatch > MAX_EVENTS || requestsPerSecond < 1
                || requestsPerSecond > MAX_REQUESTS_PER_SECOND) {
            throw new IllegalArgumentException("limits out of range");
        }
    }

    /** The global defaults: the two ingest settings and the default request rate. */
    public static SourceLimits of(int maxBodyBytes, int maxEventsPerBatch) {
        return new SourceLimits(maxBodyBytes, maxEventsPerBatch, DEFAULT_REQUESTS_PER_SECOND);
    }
}
