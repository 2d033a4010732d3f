package org.mieruka.schemas.evolution;

import java.util.List;
import org.apache.avro.Schema;
import org.mieruka.schemas.deadletter.DeadLetter;
import org.mieruka.schemas.event.PseudonymousEvent;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.metric.EventCount;
import org.mieruka.schemas.reference.CalendarDay;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.reference.Intervention;
import org.mieruka.schemas.reference.OrgUnit;
import org.mieruka.schemas.reference.ProcessDefinition;
import org.mieruka.schemas.reference.PseudonymousDirectoryEntry;

/** The current version of every record the pipeline writes to Kafka; the compatibility gate checks each. */
public final class SchemaCatalog {

    private SchemaCatalog() {
    }

    public static List<Schema> current() {
        return List.of(
                WorkEvent.getClassSchema(),
                PseudonymousEvent.getClassSchema(),
                DirectoryEntry.getClassSchema(),
                PseudonymousDirectoryEntry.getClassSchema(),
                ProcessDefinition.getClassSchema(),
                OrgUnit.getClassSchema(),
                CalendarDay.getClassSchema(),
                Intervention.getClassSchema(),
                DeadLetter.getClassSchema(),
                EventCount.getClassSchema(),
                org.mieruka.schemas.metric.EventCredit.getClassSchema(),
                org.mieruka.schemas.metric.EmployeeDay.getClassSchema(),
                org.mieruka.schemas.metric.WorkCase.getClassSchema(),
                org.mieruka.schemas.metric.WorkHours.getClassSchema(),
                org.mieruka.schemas.metric.TeleworkEffect.getClassSchema());
    }
}
