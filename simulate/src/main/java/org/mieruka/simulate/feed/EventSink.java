package org.mieruka.simulate.feed;

import java.util.List;
import org.mieruka.schemas.event.WorkEvent;

/** Where simulated events go, a batch at a time, in arrival order. */
public interface EventSink extends AutoCloseable {

    /** Returns once the whole batch is durably taken; throws when it could not be. */
    void send(List<WorkEvent> batch) throws Exception;

    @Override
    void close();
}
