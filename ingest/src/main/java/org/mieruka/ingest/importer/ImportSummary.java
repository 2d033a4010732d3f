package org.mieruka.ingest.importer;

/**
 * The counts of one import, so that nothing is dropped silently: events emitted, records refused,
 * and source records ignored on purpose (an XES {@code schedule} transition, an audit operation
 * that is not a file operation).
 */
public record ImportSummary(long events, long refused, long ignored) {
}
