package org.mieruka.store.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mieruka.schemas.metric.EventCount;
import org.mieruka.schemas.serde.SingleObjectSerde;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.topic.TopicCatalog;

/** EventCount records → rows of {@code event_counts}. */
public final class EventCountRows implements SinkRoute.RowMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SingleObjectSerde<EventCount> serde = Serdes.eventCount();

    public static SinkRoute route() {
        return new SinkRoute(TopicCatalog.EVENT_COUNTS, "event_counts", new EventCountRows());
    }

    @Override
    public String toRow(byte[] value) {
        EventCount count;
        try {
            count = serde.decode(value);
        } catch (RuntimeException e) {
            throw new RowRejectedException(e.getMessage(), e);
        }
        ObjectNode row = JSON.createObjectNode()
                .put("source_system", count.getSourceSystem())
                .put("kind", count.getKind())
                .put("event_date", count.getEventDate().toString())
                .put("events", count.getEvents())
                .put("version", count.getVersion());
        return row.toString();
    }
}
