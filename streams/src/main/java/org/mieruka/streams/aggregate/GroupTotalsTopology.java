package org.mieruka.streams.aggregate;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;
import org.mieruka.schemas.metric.EmployeeDay;
import org.mieruka.schemas.metric.EventCredit;
import org.mieruka.schemas.metric.TeleworkEffect;
import org.mieruka.schemas.metric.WorkCase;
import org.mieruka.schemas.topic.TopicCatalog;

/**
 * The group totals of §1 and §4 from the per-event, per-day and per-case records, as tables: an
 * update of an event credit, an employee-day or a case leaves its old group (subtracted) and joins
 * its new one (added), so every group always equals the sum over its current members.
 *
 * <ul>
 *   <li>{@code metrics.work-hours}: Σ credit per event org unit × week × process × kind × channel × work mode;</li>
 *   <li>{@code metrics.telework-effect}: Σ over the employee-days per org unit × week × work mode, with
 *   the median cycle time of the closed, not left-censored cases whose last step's employee-day is
 *   in the group (a foreign-key join of each case to the credit of its last step).</li>
 * </ul>
 */
public final class GroupTotalsTopology {

    /** Stores of the tables and totals (all persistent, with changelogs). */
    public static final String CREDITS_TABLE = "metrics-event-credits-table";
    public static final String DAYS_TABLE = "metrics-employee-days-table";
    public static final String CASES_TABLE = "metrics-cases-table";
    public static final String WORK_HOURS_STORE = "metrics-work-hours-totals";
    public static final String DAY_TOTALS_STORE = "metrics-telework-day-totals";
    public static final String PLACED_CASES_STORE = "metrics-placed-cases";
    public static final String PLACED_CYCLES_STORE = "metrics-telework-placed-cycles";
    public static final String TELEWORK_EMITTED_STORE = "metrics-telework-effect-emitted";

    private GroupTotalsTopology() {
    }

    public static void build(org.apache.kafka.streams.StreamsBuilder builder, String prefix,
                             KStream<String, EventCredit> creditStream,
                             KStream<String, EmployeeDay> dayStream, KStream<String, WorkCase> caseStream) {
        builder.addStateStore(NewerOnly.store(TELEWORK_EMITTED_STORE));
        var creditSerde = org.mieruka.schemas.serde.Serdes.eventCredit();
        var daySerde = org.mieruka.schemas.serde.Serdes.employeeDay();
        var caseSerde = org.mieruka.schemas.serde.Serdes.workCase();
        KTable<String, EventCredit> credits = creditStream.toTable(Named.as("metrics-credits-as-table"),
                Materialized.<String, EventCredit, KeyValueStore<Bytes, byte[]>>as(CREDITS_TABLE)
                        .withKeySerde(Serdes.String()).withValueSerde(creditSerde));
        KTable<String, EmployeeDay> days = dayStream.toTable(Named.as("metrics-days-as-table"),
                Materialized.<String, EmployeeDay, KeyValueStore<Bytes, byte[]>>as(DAYS_TABLE)
                        .withKeySerde(Serdes.String()).withValueSerde(daySerde));
        KTable<String, WorkCase> cases = caseStream.toTable(Named.as("metrics-cases-as-table"),
                Materialized.<String, WorkCase, KeyValueStore<Bytes, byte[]>>as(CASES_TABLE)
                        .withKeySerde(Serdes.String()).withValueSerde(caseSerde));

        credits.groupBy((key, credit) -> KeyValue.pair(WorkHoursTotals.groupKey(credit), credit),
                        Grouped.with("metrics-work-hours-groups", Serdes.String(), creditSerde))
                .aggregate(WorkHoursTotals::new, (group, credit, totals) -> totals.add(credit),
                        (group, credit, totals) -> totals.remove(credit), Named.as("metrics-work-hours-sum"),
                        Materialized.<String, WorkHoursTotals, KeyValueStore<Bytes, byte[]>>as(WORK_HOURS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(Accumulator.serde(WorkHoursTotals::new)))
                .toStream(Named.as("metrics-work-hours-updates"))
                .filter((group, totals) -> totals != null, Named.as("metrics-work-hours-present"))
                .mapValues(WorkHoursTotals::toRecord, Named.as("metrics-work-hours-record"))
                .to(TopicCatalog.WORK_HOURS.name(prefix), Produced.with(Serdes.String(),
                        org.mieruka.schemas.serde.Serdes.workHours()).withName("metrics-work-hours-out"));

        KTable<String, DayTotals> dayTotals = days
                .groupBy((key, day) -> KeyValue.pair(DayTotals.groupKey(day), day),
                        Grouped.with("metrics-telework-day-groups", Serdes.String(), daySerde))
                .aggregate(DayTotals::new, (group, day, totals) -> totals.add(day),
                        (group, day, totals) -> totals.remove(day), Named.as("metrics-telework-day-sum"),
                        Materialized.<String, DayTotals, KeyValueStore<Bytes, byte[]>>as(DAY_TOTALS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(Accumulator.serde(DayTotals::new)));

        // Closed, not left-censored cases with a step, joined to the credit of their last step.
        // Only cases that enter a cycle-time aggregate take part: a case reopened or still open leaves
        // the filtered table (a delete the join passes on), and the join never meets a null key.
        KTable<String, PlacedCase> placed = cases
                .filter((key, c) -> lastStepCredit(c) != null, Named.as("metrics-cases-with-cycle"))
                .join(credits,
                GroupTotalsTopology::lastStepCredit,
                (c, credit) -> new PlacedCase(DayTotals.groupKey(credit.getDayOrgUnit(), credit.getEventDate(),
                        credit.getWorkMode()), c.getCycleMs()),
                TableJoined.as("metrics-case-last-step"),
                Materialized.<String, PlacedCase, KeyValueStore<Bytes, byte[]>>as(PLACED_CASES_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(PlacedCase.serde()));
        KTable<String, PlacedCycles> cycles = placed
                .groupBy((key, p) -> KeyValue.pair(p.group(), p),
                        Grouped.with("metrics-placed-case-groups", Serdes.String(), PlacedCase.serde()))
                .aggregate(PlacedCycles::new, (group, p, totals) -> totals.add(p.cycleMs()),
                        (group, p, totals) -> totals.remove(p.cycleMs()), Named.as("metrics-placed-cycles"),
                        Materialized.<String, PlacedCycles, KeyValueStore<Bytes, byte[]>>as(PLACED_CYCLES_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(Accumulator.serde(PlacedCycles::new)));

        dayTotals.leftJoin(cycles, GroupTotalsTopology::teleworkEffect, Named.as("metrics-telework-effect"))
                .toStream(Named.as("metrics-telework-effect-updates"))
                .filter((group, effect) -> effect != null, Named.as("metrics-telework-effect-present"))
                .process(() -> new NewerOnly<TeleworkEffect>(TELEWORK_EMITTED_STORE, TeleworkEffect::getVersion),
                        Named.as("metrics-telework-effect-newer-only"), TELEWORK_EMITTED_STORE)
                .to(TopicCatalog.TELEWORK_EFFECT.name(prefix), Produced.with(Serdes.String(),
                        org.mieruka.schemas.serde.Serdes.teleworkEffect()).withName("metrics-telework-effect-out"));
    }

    /** The key of the case's last step credit, or null when the case enters no cycle-time aggregate. */
    static String lastStepCredit(WorkCase c) {
        if (c.getClosedAt() == null || c.getLeftCensored() || c.getLastStepEventId() == null
                || c.getCycleMs() == null) {
            return null;
        }
        return c.getSourceSystem() + "/" + c.getLastStepEventId();
    }

    /**
     * The §4 record of a group. Its version is the sum of the two sides' versions: each only grows,
     * so the sum grows whichever side changed.
     */
    static TeleworkEffect teleworkEffect(DayTotals totals, PlacedCycles placed) {
        return TeleworkEffect.newBuilder().setOrgUnit(totals.orgUnit).setWeek(totals.week)
                .setWorkMode(totals.workMode).setEmployeeDays(totals.employeeDays)
                .setEmployees(totals.employees.size()).setActiveMs(totals.activeMs)
                .setAfterHoursMs(totals.afterHoursMs).setMeetingMs(totals.meetingMs)
                .setOnlineMeetingMs(totals.onlineMeetingMs).setCasesClosed(totals.casesClosed)
                .setClosedCasesPlaced(placed == null ? 0 : placed.cycles.size())
                .setCycleMedianMs(placed == null ? null : placed.median())
                .setVersion(totals.version + (placed == null ? 0 : placed.version)).build();
    }
}
