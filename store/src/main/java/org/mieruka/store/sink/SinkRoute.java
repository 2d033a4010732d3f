package org.mieruka.store.sink;

import org.mieruka.schemas.topic.TopicSpec;

/**
 * One metric topic and the table its records land in.
 *
 * @param topic  the source topic
 * @param table  the destination table
 * @param mapper turns a record value into one JSONEachRow line
 */
public record SinkRoute(TopicSpec topic, String table, RowMapper mapper) {

    /** Turns a record's value bytes into a row, or throws {@link RowRejectedException}. */
    @FunctionalInterface
    public interface RowMapper {
        String toRow(byte[] value);
    }
}
