package org.mieruka.streams;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.PseudonymousEvent;
import org.mieruka.schemas.metric.EmployeeDay;
import org.mieruka.schemas.metric.EventCredit;
import org.mieruka.schemas.metric.WorkCase;
import org.mieruka.schemas.reference.OrgUnit;
import org.mieruka.schemas.reference.ProcessDefinition;
import org.mieruka.schemas.reference.PseudonymousDirectoryEntry;
import org.mieruka.schemas.serde.SingleObjectSerde;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.streams.aggregate.GroupTotalsTopology;
import org.mieruka.streams.cases.CaseOutput;
import org.mieruka.streams.cases.CaseStage;
import org.mieruka.streams.workload.EmployeeInput;
import org.mieruka.streams.workload.EmployeeStage;
import org.mieruka.streams.workload.WorkRules;

/**
 * The metrics after the privacy stage. WORKFLOW events first pass the case stage (keyed by case),
 * which assembles each case (§3) and gives events without a process_code their case's process;
 * then every event, and the pseudonymous directory, meet per employee in the workload stage, which
 * emits event credits (§1) and employee-days (§2), enriched from global stores of the calendar, the
 * process catalog and the org units; the group totals (§1 work hours, §4 telework effect) follow
 * as tables. Every output record carries a version that increases with each update of its key.
 */
public final class MetricsTopology {

    private MetricsTopology() {
    }

    public static void build(StreamsBuilder builder, String prefix, WorkRules rules, Duration dayRetention,
                             MeterRegistry registry) {
        SingleObjectSerde<PseudonymousEvent> eventSerde = org.mieruka.schemas.serde.Serdes.pseudonymousEvent();
        SingleObjectSerde<PseudonymousDirectoryEntry> rowSerde =
                org.mieruka.schemas.serde.Serdes.pseudonymousDirectoryEntry();
        int partitions = TopicCatalog.PSEUDONYMOUS_EVENTS.partitions();
        builder.addStateStore(CaseStage.storeBuilder());
        builder.addStateStore(EmployeeStage.daysStore());
        builder.addStateStore(EmployeeStage.dayEventsStore());
        builder.addStateStore(EmployeeStage.dayIndexStore());
        builder.addStateStore(EmployeeStage.directoryStore());
        addReference(builder, EmployeeStage.CALENDAR_STORE, TopicCatalog.CALENDAR.name(prefix),
                org.mieruka.schemas.serde.Serdes.calendarDay(), day -> day.getDate().toString());
        addReference(builder, EmployeeStage.PROCESSES_STORE, TopicCatalog.PROCESSES.name(prefix),
                org.mieruka.schemas.serde.Serdes.processDefinition(), ProcessDefinition::getProcessCode);
        addReference(builder, EmployeeStage.ORG_UNITS_STORE, TopicCatalog.ORG_UNITS.name(prefix),
                org.mieruka.schemas.serde.Serdes.orgUnit(), OrgUnit::getCode);

        KStream<String, PseudonymousEvent> events = builder.stream(TopicCatalog.PSEUDONYMOUS_EVENTS.name(prefix),
                        Consumed.with(Serdes.String(), eventSerde).withName("metrics-pseudonymous-events"))
                .filter((key, event) -> event != null && key != null, Named.as("metrics-drop-empty"));

        KStream<String, CaseOutput> caseOutputs = events
                .filter((key, event) -> event.getKind() == EventKind.WORKFLOW && event.getObjectId() != null,
                        Named.as("metrics-workflow-events"))
                .selectKey((key, event) -> event.getSourceSystem() + "/" + event.getObjectId(),
                        Named.as("metrics-key-by-case"))
                .repartition(Repartitioned.with(Serdes.String(), eventSerde).withName("metrics-workflow-by-case")
                        .withNumberOfPartitions(partitions))
                .process(() -> new CaseStage(registry), Named.as("metrics-case-stage"), CaseStage.STORE);
        KStream<String, WorkCase> caseRecords = caseOutputs
                .filter((key, out) -> out.workCase() != null, Named.as("metrics-case-records"))
                .mapValues(CaseOutput::workCase, Named.as("metrics-case-record"));
        caseRecords.to(TopicCatalog.CASES.name(prefix), Produced.with(Serdes.String(),
                org.mieruka.schemas.serde.Serdes.workCase()).withName("metrics-cases-out"));
        KStream<String, EmployeeInput> workflowByEmployee = caseOutputs
                .filter((key, out) -> out.event() != null, Named.as("metrics-case-events"))
                .mapValues(CaseOutput::event, Named.as("metrics-case-event"))
                .repartition(Repartitioned.with(Serdes.String(), eventSerde).withName("metrics-workflow-by-employee")
                        .withNumberOfPartitions(partitions))
                .mapValues(EmployeeInput::event, Named.as("metrics-workflow-input"));

        KStream<String, EmployeeInput> otherEvents = events
                .filter((key, event) -> event.getKind() != EventKind.WORKFLOW || event.getObjectId() == null,
                        Named.as("metrics-other-events"))
                .mapValues(EmployeeInput::event, Named.as("metrics-event-input"));

        // Directory rows are keyed pseudonym/valid_from; they go to the partition of the pseudonym
        // alone, where that employee's events are, keeping the key so a tombstone names its row.
        KStream<String, EmployeeInput> directory = builder.stream(TopicCatalog.DIRECTORY_PSEUDONYMOUS.name(prefix),
                        Consumed.with(Serdes.String(), rowSerde).withName("metrics-pseudonymous-directory"))
                .filter((key, row) -> key != null, Named.as("metrics-directory-keyed"))
                .repartition(Repartitioned.with(Serdes.String(), rowSerde).withName("metrics-directory-by-employee")
                        .withNumberOfPartitions(partitions).withStreamPartitioner(new ByEmployee<>()))
                .mapValues((key, row) -> EmployeeInput.directory(key, row), Named.as("metrics-directory-input"));

        EmployeeStage.Counters counters = new EmployeeStage.Counters(registry);
        KStream<String, SpecificRecord> workload = otherEvents
                .merge(workflowByEmployee, Named.as("metrics-merge-workflow"))
                .merge(directory, Named.as("metrics-merge-directory"))
                .process(() -> new EmployeeStage(rules, dayRetention, counters), Named.as("metrics-workload-stage"),
                        EmployeeStage.DAYS_STORE, EmployeeStage.DAY_EVENTS_STORE, EmployeeStage.DAY_INDEX_STORE,
                        EmployeeStage.DIRECTORY_STORE);
        KStream<String, EventCredit> credits = workload
                .filter((key, record) -> record instanceof EventCredit, Named.as("metrics-credit-records"))
                .mapValues(record -> (EventCredit) record, Named.as("metrics-credit-record"));
        credits.to(TopicCatalog.EVENT_CREDITS.name(prefix), Produced.with(Serdes.String(),
                org.mieruka.schemas.serde.Serdes.eventCredit()).withName("metrics-event-credits-out"));
        KStream<String, EmployeeDay> days = workload
                .filter((key, record) -> record instanceof EmployeeDay, Named.as("metrics-day-records"))
                .mapValues(record -> (EmployeeDay) record, Named.as("metrics-day-record"));
        days.to(TopicCatalog.EMPLOYEE_DAYS.name(prefix), Produced.with(Serdes.String(),
                org.mieruka.schemas.serde.Serdes.employeeDay()).withName("metrics-employee-days-out"));
        GroupTotalsTopology.build(builder, prefix, credits, days, caseRecords);
    }

    /** A reference topic as a global store every task reads, keyed by the record's own code. */
    private static <V extends org.apache.avro.specific.SpecificRecord> void addReference(
            StreamsBuilder builder, String store, String topic, SingleObjectSerde<V> serde,
            java.util.function.Function<V, String> code) {
        builder.addGlobalStore(EmployeeStage.referenceStore(store, serde), topic,
                Consumed.with(Serdes.String(), serde).withName(store + "-entries"),
                () -> new ReferenceLoader<>(store, code));
    }

    /** Keeps a global store equal to its compacted topic (a tombstone removes the entry of its key). */
    static final class ReferenceLoader<V> implements org.apache.kafka.streams.processor.api.Processor<String, V,
            Void, Void> {
        private final String storeName;
        private final java.util.function.Function<V, String> code;
        private org.apache.kafka.streams.state.KeyValueStore<String, V> store;

        ReferenceLoader(String storeName, java.util.function.Function<V, String> code) {
            this.storeName = storeName;
            this.code = code;
        }

        @Override
        public void init(org.apache.kafka.streams.processor.api.ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
        }

        @Override
        public void process(org.apache.kafka.streams.processor.api.Record<String, V> record) {
            if (record.value() != null) {
                store.put(code.apply(record.value()), record.value());
            } else if (record.key() != null) {
                store.delete(record.key());
            }
        }
    }

    /** Partitions "pseudonym/…" keys as the producer partitions the bare pseudonym (murmur2 of its UTF-8). */
    static final class ByEmployee<V> implements StreamPartitioner<String, V> {
        @Override
        public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
            int slash = key.lastIndexOf('/');
            String pseudonym = slash > 0 ? key.substring(0, slash) : key;
            byte[] bytes = pseudonym.getBytes(StandardCharsets.UTF_8);
            return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(bytes)) % numPartitions));
        }
    }
}
