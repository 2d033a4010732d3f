package org.mieruka.streams.workload;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.event.PseudonymousEvent;
import org.mieruka.schemas.metric.EmployeeDay;
import org.mieruka.schemas.reference.CalendarDay;
import org.mieruka.schemas.reference.OrgUnit;
import org.mieruka.schemas.reference.ProcessDefinition;
import org.mieruka.schemas.reference.PseudonymousDirectoryEntry;

/**
 * The workload stage, per employee (records keyed by pseudonym): keeps each employee-day's events,
 * its latest work-mode report and the employee's directory history, and whenever one of them
 * changes recomputes the affected days (metrics.md §1–§2), emitting the employee-day and event
 * credits that changed with the day's next version. A new event on date D recomputes D−1 (its
 * last event may now be followed within the gap), D, and D+1 (a meeting may run past midnight);
 * a report recomputes its date; a directory row every stored day from its valid_from.
 */
public final class EmployeeStage implements Processor<String, EmployeeInput, String, SpecificRecord> {

    /** date (YYYY-MM-DD)/pseudonym → the day's version, emitted fingerprint and report ({@link DayBook}). */
    public static final String DAYS_STORE = "metrics-employee-days";
    /** date/pseudonym/source_system/event_id → the event and its emitted fingerprint ({@link DayBook}). */
    public static final String DAY_EVENTS_STORE = "metrics-employee-day-events";
    /** pseudonym/date → nothing: the days each employee has ({@link DayBook}). */
    public static final String DAY_INDEX_STORE = "metrics-employee-day-index";
    /** pseudonym → the employee's directory rows. */
    public static final String DIRECTORY_STORE = "metrics-employee-directory";

    /** date (YYYY-MM-DD) → the city calendar's explicit entry: a global store of reference.calendar. */
    public static final String CALENDAR_STORE = "metrics-calendar";
    /** process_code → ProcessDefinition: a global store of reference.processes. */
    public static final String PROCESSES_STORE = "metrics-processes";
    /** code → OrgUnit: a global store of reference.org-units. */
    public static final String ORG_UNITS_STORE = "metrics-org-units";

    private WorkCreditCalculator calculator;
    private ReferenceCatalog catalog;
    private final EmployeeDayAssembler assembler = new EmployeeDayAssembler();
    private final WorkRules rules;
    private final Counters counters;
    private ProcessorContext<String, SpecificRecord> context;
    private DayBook days;
    private KeyValueStore<String, EmployeeDirectory> directories;
    private final long retentionDays;
    /** The newest date of a stored day in this task; read from the store when the task starts. */
    private LocalDate newestDate;

    /** The stage's meters, shared by every task. */
    public static final class Counters {
        final Counter recomputed;
        final Counter credits;
        final Counter employeeDays;
        final Counter unreadableReports;
        final Counter forgotten;
        final Counter uncataloguedProcess;
        final Counter uncataloguedStep;
        final Counter uncataloguedOrgUnit;

        public Counters(MeterRegistry registry) {
            uncataloguedProcess = uncatalogued(registry, "process");
            uncataloguedStep = uncatalogued(registry, "step");
            uncataloguedOrgUnit = uncatalogued(registry, "org_unit");
            recomputed = Counter.builder("mieruka.streams.workload.days.recomputed")
                    .description("Employee-days recomputed after an event, report or directory change")
                    .register(registry);
            credits = Counter.builder("mieruka.streams.workload.records").tag("record", "event-credit")
                    .description("Records emitted by the workload stage (new or changed)").register(registry);
            employeeDays = Counter.builder("mieruka.streams.workload.records").tag("record", "employee-day")
                    .description("Records emitted by the workload stage (new or changed)").register(registry);
            unreadableReports = Counter.builder("mieruka.streams.workload.reports.unreadable")
                    .description("Work-mode reports whose attributes.date is no date, left out").register(registry);
            forgotten = Counter.builder("mieruka.streams.workload.days.forgotten")
                    .description("Employee-days deleted from the store after the retention").register(registry);
        }
    }

    /**
     * @param retention how long after a date (counted from the newest date this task has seen) its
     *                  employee-days are kept: a work-mode report for an older day finds nothing to update
     */
    private static Counter uncatalogued(MeterRegistry registry, String dimension) {
        return Counter.builder("mieruka.streams.workload.uncatalogued").tag("dimension", dimension)
                .description("Accepted activity events whose own code is not in the reference catalogs (kept as given)")
                .register(registry);
    }

    /** Counts an event's own code the catalogs do not know (dimension: process, step or org_unit). */
    private void countUncatalogued(Activity activity) {
        ProcessDefinition process = activity.processCode() == null ? null : catalog.process(activity.processCode());
        if (activity.processCode() != null && process == null) {
            counters.uncataloguedProcess.increment();
        }
        if (activity.step() != null && process != null && !ReferenceCatalog.hasStep(process, activity.step())) {
            counters.uncataloguedStep.increment();
        }
        if (activity.orgUnit() != null && !catalog.hasOrgUnit(activity.orgUnit())) {
            counters.uncataloguedOrgUnit.increment();
        }
    }

    public EmployeeStage(WorkRules rules, Duration retention, Counters counters) {
        this.rules = rules;
        this.retentionDays = Math.max(1, retention.toDays());
        this.counters = counters;
    }

    public static StoreBuilder<KeyValueStore<String, byte[]>> daysStore() {
        return DayBook.store(DAYS_STORE);
    }

    public static StoreBuilder<KeyValueStore<String, byte[]>> dayEventsStore() {
        return DayBook.store(DAY_EVENTS_STORE);
    }

    public static StoreBuilder<KeyValueStore<String, byte[]>> dayIndexStore() {
        return DayBook.store(DAY_INDEX_STORE);
    }

    /** Global stores are restored from their topic, so they keep no changelog. */
    public static <V extends org.apache.avro.specific.SpecificRecord> StoreBuilder<KeyValueStore<String, V>>
            referenceStore(String name, org.apache.kafka.common.serialization.Serde<V> serde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serde)
                .withLoggingDisabled();
    }

    public static StoreBuilder<KeyValueStore<String, EmployeeDirectory>> directoryStore() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DIRECTORY_STORE), Serdes.String(),
                new EmployeeDirectorySerde());
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.days = new DayBook(context.getStateStore(DAYS_STORE), context.getStateStore(DAY_EVENTS_STORE),
                context.getStateStore(DAY_INDEX_STORE));
        this.directories = context.getStateStore(DIRECTORY_STORE);
        KeyValueStore<String, CalendarDay> calendar = context.getStateStore(CALENDAR_STORE);
        // An explicit entry (a Saturday opening, an extra closing day) overrides the weekly and national rules.
        KeyValueStore<String, ProcessDefinition> processes = context.getStateStore(PROCESSES_STORE);
        KeyValueStore<String, OrgUnit> orgUnits = context.getStateStore(ORG_UNITS_STORE);
        this.catalog = new ReferenceCatalog() {
            @Override
            public ProcessDefinition process(String processCode) {
                return processes.get(processCode);
            }

            @Override
            public boolean hasOrgUnit(String code) {
                return orgUnits.get(code) != null;
            }
        };
        this.calculator = new WorkCreditCalculator(rules.withWorkingDay(date -> {
            CalendarDay entry = calendar.get(date.toString());
            return entry != null ? !entry.getNonWorking() : rules.workingDay().test(date);
        }));
        newestDate = days.newestDate();
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, now -> forgetOldDays());
    }

    /** Deletes the days more than the retention before the newest date seen. */
    void forgetOldDays() {
        if (newestDate != null) {
            counters.forgotten.increment(days.forgetBefore(newestDate.minusDays(retentionDays)));
        }
    }

    @Override
    public void process(Record<String, EmployeeInput> record) {
        EmployeeInput input = record.value();
        if (input == null) {
            return;
        }
        if (input.event() != null) {
            onEvent(input.event(), record.timestamp());
        } else if (input.directoryKey() != null) {
            onDirectory(input.directoryKey(), input.row(), record.timestamp());
        }
    }

    private void onEvent(PseudonymousEvent event, long timestamp) {
        String pseudonym = event.getEmployeePseudonym();
        Activity activity = Activity.of(event);
        if (event.getKind() == EventKind.WORK_MODE) {
            if (activity.location() == null || activity.location() == Location.UNKNOWN) {
                return; // reports saying UNKNOWN are ignored (metrics.md §2)
            }
            LocalDate date;
            try {
                date = LocalDate.parse(activity.reportDate());
            } catch (DateTimeParseException | NullPointerException e) {
                counters.unreadableReports.increment();
                return;
            }
            DayState state = load(pseudonym, date);
            if (state.offerReport(activity)) {
                days.save(pseudonym, date, state);
                recompute(pseudonym, date, state, directory(pseudonym), timestamp);
            }
            return;
        }
        LocalDate date = rules.date(activity.occurredAt());
        if (newestDate == null || date.isAfter(newestDate)) {
            newestDate = date;
        }
        DayState state = load(pseudonym, date);
        if (state.put(activity)) {
            countUncatalogued(activity);
        }
        days.save(pseudonym, date, state);
        EmployeeDirectory directory = directory(pseudonym);
        long midnight = date.atStartOfDay(rules.zone()).toInstant().toEpochMilli();
        long nextMidnight = date.plusDays(1).atStartOfDay(rules.zone()).toInstant().toEpochMilli();
        // The day before changes only if this event can end or cover one of its credited intervals:
        // its non-meeting intervals end at most activity.gap (or .tail) after midnight, and its
        // meetings started first, so no meeting of this day takes their time.
        if (activity.occurredAt() - midnight <= Math.max(rules.gap().toMillis(), rules.tail().toMillis())) {
            recompute(pseudonym, date.minusDays(1), directory, timestamp);
        }
        recompute(pseudonym, date, state, directory, timestamp);
        // The day after changes only through a meeting that runs past midnight.
        if (activity.isMeeting() && activity.occurredAt() + activity.durationMs() > nextMidnight) {
            recompute(pseudonym, date.plusDays(1), directory, timestamp);
        }
    }

    private void onDirectory(String directoryKey, PseudonymousDirectoryEntry row, long timestamp) {
        int slash = directoryKey.lastIndexOf('/');
        if (slash <= 0) {
            return;
        }
        String pseudonym = directoryKey.substring(0, slash);
        LocalDate validFrom;
        try {
            validFrom = row != null ? row.getValidFrom() : LocalDate.parse(directoryKey.substring(slash + 1));
        } catch (DateTimeParseException e) {
            return;
        }
        EmployeeDirectory directory = directory(pseudonym);
        if (row == null) {
            directory.remove(validFrom);
        } else {
            directory.put(row);
        }
        directories.put(pseudonym, directory);
        for (LocalDate date : days.dates(pseudonym, validFrom)) {
            recompute(pseudonym, date, directory, timestamp);
        }
    }

    private void recompute(String pseudonym, LocalDate date, EmployeeDirectory directory, long timestamp) {
        recompute(pseudonym, date, days.load(pseudonym, date), directory, timestamp);
    }

    /** @param state the day as stored (the caller may have it at hand already), or null */
    private void recompute(String pseudonym, LocalDate date, DayState state, EmployeeDirectory directory,
                           long timestamp) {
        if (state == null || state.activities.isEmpty()) {
            return;
        }
        counters.recomputed.increment();
        List<Activity> neighbourhood = new ArrayList<>(state.activities);
        DayState before = days.load(pseudonym, date.minusDays(1));
        DayState after = days.load(pseudonym, date.plusDays(1));
        if (before != null) {
            neighbourhood.addAll(before.activities);
        }
        if (after != null) {
            neighbourhood.addAll(after.activities);
        }
        neighbourhood.sort(Activity.ORDER);
        List<Credited> ofDay = new ArrayList<>(state.activities.size());
        for (Credited credited : calculator.credit(neighbourhood)) {
            if (rules.date(credited.activity().occurredAt()).equals(date)) {
                ofDay.add(credited);
            }
        }
        EmployeeDayAssembler.DayFigures figures = assembler.assemble(pseudonym, date, ofDay, state.report, directory,
                catalog);

        List<KeyValue<String, SpecificRecord>> changed = new ArrayList<>();
        for (int i = 0; i < figures.creditKeys().size(); i++) {
            String creditKey = figures.creditKeys().get(i);
            Long fingerprint = figures.creditFingerprints().get(i);
            if (!fingerprint.equals(state.emittedCredits.get(creditKey))) {
                state.emitted(creditKey, fingerprint);
                changed.add(KeyValue.pair(creditKey, figures.credits().get(i).get()));
            }
        }
        if (figures.dayFingerprint() != state.emittedDay) {
            state.emittedDay = figures.dayFingerprint();
            changed.add(KeyValue.pair(pseudonym + "/" + date, figures.day()));
        }
        if (changed.isEmpty()) {
            return;
        }
        state.version = Math.max(state.version + 1, RecordVersion.floor(context.currentSystemTimeMs()));
        for (KeyValue<String, SpecificRecord> out : changed) {
            if (out.value instanceof org.mieruka.schemas.metric.EventCredit credit) {
                credit.setVersion(state.version);
                counters.credits.increment();
            } else if (out.value instanceof EmployeeDay day) {
                day.setVersion(state.version);
                counters.employeeDays.increment();
            }
            context.forward(new Record<>(out.key, out.value, OutputTime.of(timestamp, context.currentStreamTimeMs())));
        }
        days.save(pseudonym, date, state);
    }

    private DayState load(String pseudonym, LocalDate date) {
        DayState state = days.load(pseudonym, date);
        return state == null ? new DayState() : state;
    }

    private EmployeeDirectory directory(String pseudonym) {
        EmployeeDirectory directory = directories.get(pseudonym);
        return directory == null ? EmployeeDirectory.empty() : directory;
    }
}
