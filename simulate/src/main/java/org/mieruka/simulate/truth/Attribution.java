package org.mieruka.simulate.truth;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.WorkEvent;

/** Where an event's credit belongs: its org unit, its process and its employee-day (metrics.md §0–§1). */
final class Attribution {

    private final DirectoryHistory directory;
    private final EmployeeDayBook days;
    private final TruthSettings settings;
    private final Map<String, String> processByCase = new HashMap<>();

    Attribution(DirectoryHistory directory, EmployeeDayBook days, List<CaseFacts> cases, TruthSettings settings) {
        this.directory = directory;
        this.days = days;
        this.settings = settings;
        cases.forEach(c -> processByCase.put(c.sourceSystem() + "\u0000" + c.objectId(), c.process()));
    }

    LocalDate date(WorkEvent event) {
        return event.getOccurredAt().atZone(settings.zone()).toLocalDate();
    }

    /** The event's own unit (where the work belongs), else the directory's on its date, else UNASSIGNED. */
    String orgUnit(WorkEvent event) {
        if (event.getOrgUnit() != null) {
            return event.getOrgUnit();
        }
        return Grouping.orUnassigned(directory.unit(event.getEmployee(), date(event)));
    }

    /** Its own process_code; a WORKFLOW event without one belongs to its case's process. */
    String process(WorkEvent event) {
        if (event.getProcessCode() != null) {
            return event.getProcessCode();
        }
        if (event.getKind() == EventKind.WORKFLOW && event.getObjectId() != null) {
            return processByCase.getOrDefault(event.getSourceSystem() + "\u0000" + event.getObjectId(),
                    EmployeeDayBook.UNASSIGNED);
        }
        return EmployeeDayBook.UNASSIGNED;
    }

    EmployeeDay day(WorkEvent event) {
        return days.get(event.getEmployee(), date(event));
    }

    /** Events whose own org_unit differs from the employee's directory unit on their date. */
    long unitDiffersFromDirectory(List<Credit> credits) {
        return credits.stream().map(Credit::event)
                .filter(e -> e.getOrgUnit() != null && !e.getOrgUnit().equals(directory.unit(e.getEmployee(), date(e))))
                .count();
    }
}
