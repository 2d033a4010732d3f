package org.mieruka.streams.workload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.metric.EmployeeDay;
import org.mieruka.schemas.metric.EventCredit;
import org.mieruka.schemas.reference.ProcessDefinition;

/**
 * One employee-day (metrics.md §2) and the attributed credits of its events (§1), from the day's
 * credited events, its latest work-mode report and the directory. Versions are left at 0: the
 * stage sets them when it emits.
 */
final class EmployeeDayAssembler {

    static final String UNASSIGNED = "UNASSIGNED";
    /** Majority ties are broken in this order (metrics.md §2). */
    private static final List<Location> TIE_ORDER = List.of(Location.OFFICE, Location.HOME, Location.SATELLITE,
            Location.FIELD);

    /** The day and its events' credits, each with the fingerprint of its content. */
    record DayFigures(EmployeeDay day, long dayFingerprint, List<String> creditKeys, List<Long> creditFingerprints,
                      List<Supplier<EventCredit>> credits) {
    }

    DayFigures assemble(String pseudonym, LocalDate date, List<Credited> credited, Activity report,
                        EmployeeDirectory directory, ReferenceCatalog catalog) {
        String directoryUnit = directory.unit(date);
        String dayUnit = directoryUnit == null ? UNASSIGNED : directoryUnit;
        Map<Location, Integer> locations = new EnumMap<>(Location.class);
        long active = 0;
        long afterHours = 0;
        long meeting = 0;
        long online = 0;
        int casesClosed = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        String pseudonymKey = null;
        for (Credited c : credited) {
            Activity a = c.activity();
            active += c.credit();
            afterHours += c.afterHours();
            if (a.isMeeting()) {
                meeting += c.credit();
                if (a.channel() == Channel.ONLINE || a.channel() == Channel.HYBRID) {
                    online += c.credit();
                }
            }
            if (a.kind() == EventKind.WORKFLOW && "case_closed".equals(a.action())) {
                casesClosed++;
            }
            first = Math.min(first, c.interval().start());
            last = Math.max(last, Math.max(c.interval().start(), c.interval().end()));
            if (a.location() != null && a.location() != Location.UNKNOWN) {
                locations.merge(a.location(), 1, Integer::sum);
            }
            pseudonymKey = a.pseudonymKey();
        }
        Location majority = majority(locations);
        Location mode;
        String modeSource;
        if (report != null) {
            mode = report.location();
            modeSource = "REPORT";
        } else if (majority != null) {
            mode = majority;
            modeSource = "EVENTS";
        } else {
            mode = Location.UNKNOWN;
            modeSource = "NONE";
        }
        boolean conflict = report != null && majority != null && majority != report.location();
        double fte = directory.fte(date);
        EmployeeDay day = EmployeeDay.newBuilder().setEmployeePseudonym(pseudonym).setPseudonymKey(pseudonymKey)
                .setDayDate(date).setOrgUnit(dayUnit).setFte(fte).setWorkMode(mode.name())
                .setWorkModeSource(modeSource).setReportConflict(conflict).setActivityEvents(credited.size())
                .setActiveMs(active).setSpanMs(last - first).setAfterHoursMs(afterHours).setMeetingMs(meeting)
                .setOnlineMeetingMs(online).setCasesClosed(casesClosed).setVersion(0).build();
        long dayFingerprint = new Fingerprint().add(pseudonymKey).add(dayUnit).add(fte).add(mode.name())
                .add(modeSource).add(conflict).add(credited.size()).add(active).add(last - first).add(afterHours)
                .add(meeting).add(online).add(casesClosed).value();

        // Records are built only for the credits the stage finds changed: most of a day stays as it was.
        List<Supplier<EventCredit>> credits = new ArrayList<>(credited.size());
        List<String> keys = new ArrayList<>(credited.size());
        List<Long> fingerprints = new ArrayList<>(credited.size());
        for (Credited c : credited) {
            Activity a = c.activity();
            String unit = a.orgUnit() != null ? a.orgUnit() : dayUnit;
            boolean differs = a.orgUnit() != null && !a.orgUnit().equals(directoryUnit);
            String process = a.processCode() == null ? UNASSIGNED : a.processCode();
            String channel = a.channel() == null ? UNASSIGNED : a.channel().name();
            ProcessDefinition definition = catalog.process(process);
            boolean unitCatalogued = catalog.hasOrgUnit(unit);
            String category = definition == null ? null : definition.getCategory();
            String eligibility = definition == null || definition.getTeleworkEligibility() == null ? null
                    : definition.getTeleworkEligibility().name();
            String personalData = definition == null || definition.getPersonalDataLevel() == null ? null
                    : definition.getPersonalDataLevel().name();
            Boolean stepCatalogued = a.step() == null ? null : ReferenceCatalog.hasStep(definition, a.step());
            keys.add(a.key());
            String workMode = mode.name();
            credits.add(() -> EventCredit.newBuilder().setSourceSystem(a.sourceSystem()).setEventId(a.eventId())
                    .setEmployeePseudonym(pseudonym).setPseudonymKey(a.pseudonymKey()).setEventDate(date)
                    .setOccurredAt(Instant.ofEpochMilli(a.occurredAt())).setKind(a.kind().name()).setAction(a.action())
                    .setOrgUnit(unit).setUnitDiffersFromDirectory(differs).setProcessCode(process).setChannel(channel)
                    .setObjectId(a.objectId()).setStep(a.step())
                    .setCreditedFrom(Instant.ofEpochMilli(c.interval().start()))
                    .setCreditedTo(Instant.ofEpochMilli(c.interval().end())).setCreditMs(c.credit())
                    .setAfterHoursMs(c.afterHours()).setOrgUnitCatalogued(unitCatalogued)
                    .setProcessCatalogued(definition != null).setProcessCategory(category)
                    .setTeleworkEligibility(eligibility).setPersonalDataLevel(personalData)
                    .setStepCatalogued(stepCatalogued).setDayOrgUnit(dayUnit).setWorkMode(workMode).setVersion(0)
                    .build());
            fingerprints.add(new Fingerprint().add(a.pseudonymKey()).add(a.occurredAt()).add(a.kind().name())
                    .add(a.action()).add(unit).add(differs).add(process).add(channel).add(a.objectId()).add(a.step())
                    .add(c.interval().start()).add(c.interval().end()).add(c.credit()).add(c.afterHours()).add(dayUnit)
                    .add(mode.name()).add(unitCatalogued).add(category).add(eligibility).add(personalData)
                    .add(String.valueOf(stepCatalogued)).value());
        }
        return new DayFigures(day, dayFingerprint, keys, fingerprints, credits);
    }

    private static Location majority(Map<Location, Integer> counts) {
        Location best = null;
        for (Location location : TIE_ORDER) {
            int count = counts.getOrDefault(location, 0);
            if (count > 0 && (best == null || count > counts.get(best))) {
                best = location;
            }
        }
        return best;
    }
}
