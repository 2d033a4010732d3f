package org.mieruka.schemas.serde;

import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.metric.EventCount;

/** The serdes of every record the pipeline writes to Kafka. */
public final class Serdes {

    private Serdes() {
    }

    public static SingleObjectSerde<WorkEvent> workEvent() {
        return SingleObjectSerde.of(WorkEvent.getClassSchema());
    }

    public static SingleObjectSerde<EventCount> eventCount() {
        return SingleObjectSerde.of(EventCount.getClassSchema());
    }
}
