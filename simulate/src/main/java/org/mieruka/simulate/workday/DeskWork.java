package org.mieruka.simulate.workday;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.simulate.CatalogProcess;

/**
 * An employee's day as the office systems see it: log-on (and a satellite check-in), document
 * work at irregular gaps outside lunch and meetings, log-off. Nobody prints or signs on paper at
 * home.
 */
final class DeskWork {

    private static final LocalTime LUNCH = LocalTime.of(12, 0);
    private static final LocalTime LUNCH_END = LocalTime.of(13, 0);

    private final ActivityConfig config;

    DeskWork(ActivityConfig config) {
        this.config = config;
    }

    List<WorkEvent> day(StaffDay day, List<MeetingPlanner.Busy> meetings, List<CatalogProcess> unitProcesses,
                        int documentPool, EventFactory events, SplittableRandom random) {
        List<WorkEvent> out = new ArrayList<>();
        out.add(events.event(EventFactory.LOGON, EventKind.PRESENCE, "logon", day.employee(), day.start())
                .setLocation(day.mode()).build());
        if (day.mode() == Location.SATELLITE) {
            out.add(events.event(EventFactory.SATELLITE, EventKind.PRESENCE, "checkin", day.employee(),
                    day.start().minusMinutes(2 + random.nextInt(10))).setLocation(Location.SATELLITE).build());
        }
        ZonedDateTime at = day.start().plusMinutes(1 + random.nextInt(10));
        while (at.isBefore(day.end())) {
            ZonedDateTime busyUntil = busyUntil(at, meetings);
            if (busyUntil != null) {
                at = busyUntil.plusMinutes(random.nextInt(5));
                continue;
            }
            LocalTime time = at.toLocalTime();
            if (!day.holidayWork() && !time.isBefore(LUNCH) && time.isBefore(LUNCH_END)) {
                at = at.with(LUNCH_END).plusMinutes(random.nextInt(10));
                continue;
            }
            out.add(document(day, at, unitProcesses, documentPool, events, random));
            at = at.plusMinutes(1 + Math.round(DayPlanner.exponential(random, config.meanGapMinutes())));
        }
        out.add(events.event(EventFactory.LOGON, EventKind.PRESENCE, "logoff", day.employee(), day.end())
                .setLocation(day.mode()).build());
        return out;
    }

    private WorkEvent document(StaffDay day, ZonedDateTime at, List<CatalogProcess> processes, int pool,
                               EventFactory events, SplittableRandom random) {
        boolean atDesk = !day.remote();
        double draw = random.nextDouble();
        String action;
        Channel channel = Channel.ELECTRONIC;
        if (draw < 0.40) {
            action = "viewed";
        } else if (draw < 0.68) {
            action = "edited";
        } else if (draw < 0.78) {
            action = "created";
        } else if (draw < 0.86) {
            action = atDesk ? "printed" : "viewed";
            channel = atDesk ? Channel.PAPER : Channel.ELECTRONIC;
        } else if (draw < 0.94) {
            action = "approved";
            channel = atDesk && random.nextDouble() < 0.35 ? Channel.PAPER : Channel.ELECTRONIC;
        } else {
            action = "sent";
        }
        WorkEvent.Builder event = events.event(EventFactory.DOCUMENTS, EventKind.DOCUMENT, action, day.employee(), at)
                .setObjectId("doc-" + day.unit() + "-" + random.nextInt(Math.max(1, pool)))
                .setChannel(channel).setLocation(day.mode());
        if (!processes.isEmpty() && random.nextDouble() < 0.4) {
            event.setProcessCode(processes.get(random.nextInt(processes.size())).code());
        }
        return event.build();
    }

    private static ZonedDateTime busyUntil(ZonedDateTime at, List<MeetingPlanner.Busy> meetings) {
        for (MeetingPlanner.Busy busy : meetings) {
            if (!at.isBefore(busy.from()) && at.isBefore(busy.to())) {
                return busy.to();
            }
        }
        return null;
    }
}
