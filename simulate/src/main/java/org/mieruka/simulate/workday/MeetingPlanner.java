package org.mieruka.simulate.workday;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.WorkEvent;

/**
 * A unit's meetings of a day: an organiser and a few colleagues at one of the usual slots. A
 * meeting with anyone working remotely is online (or hybrid when the organiser is in the office);
 * an all-office meeting is online with the base chance, raised in a pilot's units.
 */
final class MeetingPlanner {

    private static final LocalTime[] SLOTS = {LocalTime.of(9, 30), LocalTime.of(10, 0), LocalTime.of(11, 0),
            LocalTime.of(13, 30), LocalTime.of(14, 0), LocalTime.of(15, 0), LocalTime.of(16, 0)};
    private static final int[] MINUTES = {30, 30, 60, 60, 60, 90};

    /** A meeting interval an employee is busy in, so that their other work skips it. */
    record Busy(ZonedDateTime from, ZonedDateTime to) {
    }

    private final ActivityConfig config;
    private final Scenario scenario;

    MeetingPlanner(ActivityConfig config, Scenario scenario) {
        this.config = config;
        this.scenario = scenario;
    }

    List<WorkEvent> plan(List<StaffDay> present, EventFactory events, SplittableRandom random,
                         Map<String, List<Busy>> busy) {
        Map<String, List<StaffDay>> byUnit = new TreeMap<>();
        present.stream().filter(d -> !d.holidayWork()).forEach(d -> byUnit.computeIfAbsent(d.unit(), u -> new ArrayList<>()).add(d));
        List<WorkEvent> out = new ArrayList<>();
        int number = 0;
        for (Map.Entry<String, List<StaffDay>> unit : byUnit.entrySet()) {
            List<StaffDay> staff = unit.getValue();
            if (staff.size() < 2) {
                continue;
            }
            int meetings = poisson(random, config.meetingsPerStaff() * staff.size());
            for (int m = 0; m < meetings; m++) {
                List<StaffDay> pool = new ArrayList<>(staff);
                StaffDay organiser = pool.remove(random.nextInt(pool.size()));
                int attendees = Math.min(pool.size(), 1 + random.nextInt(5));
                List<StaffDay> invited = new ArrayList<>();
                for (int i = 0; i < attendees; i++) {
                    invited.add(pool.remove(random.nextInt(pool.size())));
                }
                ZonedDateTime start = organiser.date().atTime(SLOTS[random.nextInt(SLOTS.length)])
                        .atZone(organiser.start().getZone());
                int minutes = MINUTES[random.nextInt(MINUTES.length)];
                Channel channel = channel(organiser, invited, random);
                String id = "mtg-" + organiser.date() + "-" + unit.getKey() + "-" + (++number);
                out.add(events.event(EventFactory.MEETINGS, EventKind.MEETING, "held", organiser.employee(), start)
                        .setObjectId(id).setDurationMs(minutes * 60_000L).setChannel(channel)
                        .setLocation(organiser.mode()).build());
                busy.computeIfAbsent(organiser.employee(), e -> new ArrayList<>())
                        .add(new Busy(start, start.plusMinutes(minutes)));
                for (StaffDay attendee : invited) {
                    int late = random.nextInt(4);
                    int stay = minutes - late - (random.nextDouble() < 0.1 ? random.nextInt(minutes / 2) : 0);
                    ZonedDateTime join = start.plusMinutes(late);
                    out.add(events.event(EventFactory.MEETINGS, EventKind.MEETING, "attended", attendee.employee(), join)
                            .setObjectId(id).setDurationMs(Math.max(1, stay) * 60_000L).setChannel(channel)
                            .setLocation(attendee.mode()).build());
                    busy.computeIfAbsent(attendee.employee(), e -> new ArrayList<>())
                            .add(new Busy(join, join.plusMinutes(Math.max(1, stay))));
                }
            }
        }
        return out;
    }

    private Channel channel(StaffDay organiser, List<StaffDay> invited, SplittableRandom random) {
        boolean anyRemote = organiser.remote() || invited.stream().anyMatch(StaffDay::remote);
        if (anyRemote) {
            return organiser.remote() ? Channel.ONLINE : Channel.HYBRID;
        }
        double online = config.baseOnlineShare()
                + (scenario.treats(organiser.unit(), organiser.date()) ? scenario.onlineMeetingShift() : 0);
        return random.nextDouble() < online ? Channel.ONLINE : Channel.IN_PERSON;
    }

    static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) { // normal approximation: Knuth's product underflows for large means
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
