package org.mieruka.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.mieruka.schemas.deadletter.DeadLetter;
import org.mieruka.schemas.event.PseudonymousEvent;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.evolution.ReleasedSchema;
import org.mieruka.schemas.evolution.SchemaHistory;
import org.mieruka.schemas.metric.EventCount;
import org.mieruka.schemas.reference.CalendarDay;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.reference.Intervention;
import org.mieruka.schemas.reference.OrgUnit;
import org.mieruka.schemas.reference.ProcessDefinition;
import org.mieruka.schemas.reference.PseudonymousDirectoryEntry;

/**
 * The serdes of every record the pipeline writes to Kafka. Each writes the current schema and
 * reads every version the project has released (the schema history), so consumers read what
 * older producers wrote.
 */
public final class Serdes {

    private Serdes() {
    }

    public static SingleObjectSerde<WorkEvent> workEvent() {
        return released(WorkEvent.getClassSchema());
    }

    public static SingleObjectSerde<PseudonymousEvent> pseudonymousEvent() {
        return released(PseudonymousEvent.getClassSchema());
    }

    public static SingleObjectSerde<DirectoryEntry> directoryEntry() {
        return released(DirectoryEntry.getClassSchema());
    }

    public static SingleObjectSerde<PseudonymousDirectoryEntry> pseudonymousDirectoryEntry() {
        return released(PseudonymousDirectoryEntry.getClassSchema());
    }

    public static SingleObjectSerde<ProcessDefinition> processDefinition() {
        return released(ProcessDefinition.getClassSchema());
    }

    public static SingleObjectSerde<OrgUnit> orgUnit() {
        return released(OrgUnit.getClassSchema());
    }

    public static SingleObjectSerde<CalendarDay> calendarDay() {
        return released(CalendarDay.getClassSchema());
    }

    public static SingleObjectSerde<Intervention> intervention() {
        return released(Intervention.getClassSchema());
    }

    public static SingleObjectSerde<DeadLetter> deadLetter() {
        return released(DeadLetter.getClassSchema());
    }

    public static SingleObjectSerde<EventCount> eventCount() {
        return released(EventCount.getClassSchema());
    }

    public static SingleObjectSerde<org.mieruka.schemas.metric.EventCredit> eventCredit() {
        return released(org.mieruka.schemas.metric.EventCredit.getClassSchema());
    }

    public static SingleObjectSerde<org.mieruka.schemas.metric.EmployeeDay> employeeDay() {
        return released(org.mieruka.schemas.metric.EmployeeDay.getClassSchema());
    }

    public static SingleObjectSerde<org.mieruka.schemas.metric.WorkCase> workCase() {
        return released(org.mieruka.schemas.metric.WorkCase.getClassSchema());
    }

    public static SingleObjectSerde<org.mieruka.schemas.metric.WorkHours> workHours() {
        return released(org.mieruka.schemas.metric.WorkHours.getClassSchema());
    }

    public static SingleObjectSerde<org.mieruka.schemas.metric.TeleworkEffect> teleworkEffect() {
        return released(org.mieruka.schemas.metric.TeleworkEffect.getClassSchema());
    }

    /** A serde for {@code current} that also reads every released version of it. */
    public static <T extends SpecificRecord> SingleObjectSerde<T> released(Schema current) {
        SingleObjectSerde<T> serde = SingleObjectSerde.of(current);
        for (ReleasedSchema version : SchemaHistory.of(current)) {
            serde.withWriterSchema(version.schema());
        }
        return serde;
    }
}
