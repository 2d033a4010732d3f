package org.mieruka.simulate.truth;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.reference.DutyType;

/** A tiny hand-written feed for tests: local times in Asia/Tokyo, ids numbered in arrival order. */
final class Feed {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    final List<WorkEvent> events = new ArrayList<>();
    final List<DirectoryEntry> directory = new ArrayList<>();
    private int next;

    static WorkEvent.Builder event(EventKind kind, String action, String employee, String localTime) {
        return WorkEvent.newBuilder().setSourceSystem("src").setKind(kind).setAction(action).setEmployee(employee)
                .setOccurredAt(LocalDateTime.parse(localTime).atZone(TOKYO).toInstant()).setAttributes(new HashMap<>());
    }

    WorkEvent add(WorkEvent.Builder builder) {
        if (!builder.hasEventId()) {
            builder.setEventId("e" + (++next));
        }
        WorkEvent event = builder.build();
        events.add(event);
        return event;
    }

    WorkEvent doc(String employee, String localTime) {
        return add(event(EventKind.DOCUMENT, "edited", employee, localTime).setObjectId("d1"));
    }

    WorkEvent meeting(String action, String employee, String localTime, int minutes, String meetingId, Channel channel) {
        return add(event(EventKind.MEETING, action, employee, localTime).setObjectId(meetingId)
                .setDurationMs(minutes * 60_000L).setChannel(channel));
    }

    WorkEvent step(String action, String employee, String localTime, String caseId, String step) {
        WorkEvent.Builder builder = event(EventKind.WORKFLOW, action, employee, localTime).setObjectId(caseId);
        if (step != null) {
            builder.setAttributes(new HashMap<>(Map.of("step", step)));
        }
        return add(builder);
    }

    WorkEvent report(String employee, String localTime, String date, Location location) {
        return add(event(EventKind.WORK_MODE, "reported", employee, localTime).setLocation(location)
                .setAttributes(new HashMap<>(Map.of("date", date))));
    }

    void staff(String employee, String unit, double fte, String validFrom) {
        directory.add(DirectoryEntry.newBuilder().setEmployee(employee).setOrgUnit(unit).setDutyType(DutyType.INTERNAL)
                .setFte(fte).setValidFrom(LocalDate.parse(validFrom)).build());
    }

    /** Weekdays are working days; the tests name any holiday they need. */
    static boolean weekday(LocalDate date) {
        return date.getDayOfWeek().getValue() <= 5;
    }

    TruthReport truth() {
        return new TruthCalculator(TruthSettings.defaults(), Feed::weekday).compute(events, directory, List.of(), null);
    }

    static long minutes(long millis) {
        return millis / 60_000;
    }
}
