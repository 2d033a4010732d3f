package org.mieruka.streams.cases;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.PseudonymousEvent;
import org.mieruka.schemas.metric.WorkCase;
import org.mieruka.streams.workload.OutputTime;
import org.mieruka.streams.workload.RecordVersion;

/**
 * The case stage (metrics.md §3). Input: WORKFLOW events, deduplicated upstream, keyed by case
 * (source_system/object_id), in any order. For each it stores the event with the case, then
 * forwards (1) the event with the case's process filled in, keyed by employee_pseudonym, so that
 * every step counts for its case's process downstream; when a late event changes the case's
 * process, every earlier event that relied on the case's process is forwarded again with the new
 * one (an update of what was sent); and (2) the case recomputed from all its events, with a higher
 * version, keyed by case. An event's own process_code is never overwritten. Nothing here logs ids
 * or pseudonyms.
 */
public final class CaseStage implements Processor<String, PseudonymousEvent, String, CaseOutput> {

    /** Case key → {@link CaseState}: every event of the case, its resolved process and last version. */
    public static final String STORE = "metrics-cases";

    private final Counter updated;
    private final Counter processChanged;
    private final Counter ignored;
    private ProcessorContext<String, CaseOutput> context;
    private KeyValueStore<String, CaseState> cases;

    public CaseStage(MeterRegistry registry) {
        this.updated = outcome(registry, "updated");
        this.processChanged = outcome(registry, "process_changed");
        this.ignored = outcome(registry, "ignored");
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("mieruka.streams.cases.updates").tag("outcome", outcome)
                .description("WORKFLOW events through the case stage, by what they did to their case")
                .register(registry);
    }

    /** The store the stage needs, for the topology owner to add (changelogged, like every store). */
    public static StoreBuilder<KeyValueStore<String, CaseState>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                new CaseStateSerde());
    }

    /** The key of an event's case: source_system/object_id (a case never spans sources). */
    public static String caseKey(PseudonymousEvent event) {
        return event.getSourceSystem() + "/" + event.getObjectId();
    }

    @Override
    public void init(ProcessorContext<String, CaseOutput> context) {
        this.context = context;
        this.cases = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, PseudonymousEvent> record) {
        PseudonymousEvent event = record.value();
        if (event == null) {
            return; // a tombstone: nothing to count
        }
        if (event.getKind() != EventKind.WORKFLOW || event.getObjectId() == null) {
            ignored.increment(); // upstream sends only WORKFLOW events with a case id; counted, not dropped silently
            return;
        }
        String key = caseKey(event);
        CaseState state = cases.get(key);
        if (state == null) {
            state = new CaseState();
        }
        CaseEvent arrived = CaseEvent.of(event);
        state.put(arrived);

        String process = CaseAssembler.process(state.events());
        if (!Objects.equals(process, state.process())) {
            state.process(process);
            // Every event that took the case's process was sent with the old one: send it again.
            if (arrived.processCode() != null) {
                forward(record, arrived, process);
            }
            for (CaseEvent stored : state.events()) {
                if (stored.processCode() == null) {
                    forward(record, stored, process);
                }
            }
            processChanged.increment();
        } else {
            forward(record, arrived, process);
            updated.increment();
        }

        WorkCase workCase = CaseAssembler.assemble(state.events(),
                state.nextVersion(RecordVersion.floor(context.currentSystemTimeMs())));
        context.forward(record.withKey(key).withValue(CaseOutput.ofCase(key, workCase))
                .withTimestamp(OutputTime.of(record.timestamp(), context.currentStreamTimeMs())));
        cases.put(key, state);
    }

    /** The event as received, with the case's process when it carries none (null stays null: UNASSIGNED). */
    private void forward(Record<String, PseudonymousEvent> record, CaseEvent event, String process) {
        PseudonymousEvent out = event.original();
        if (event.processCode() == null && process != null) {
            out = PseudonymousEvent.newBuilder(out).setProcessCode(process).build();
        }
        context.forward(record.withKey(out.getEmployeePseudonym()).withValue(CaseOutput.ofEvent(out))
                .withTimestamp(OutputTime.of(record.timestamp(), context.currentStreamTimeMs())));
    }
}
