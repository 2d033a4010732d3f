package org.mieruka.simulate.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;

class EmployeeDayAndCaseTest {

    private static final TruthSettings SETTINGS = TruthSettings.defaults();

    private static EmployeeDayBook days(Feed feed) {
        CreditCalculator calculator = new CreditCalculator(SETTINGS, Feed::weekday);
        java.util.Map<String, List<Credit>> credits = new java.util.TreeMap<>();
        feed.events.stream().filter(e -> e.getKind() != EventKind.WORK_MODE)
                .collect(java.util.stream.Collectors.groupingBy(e -> e.getEmployee()))
                .forEach((employee, events) -> credits.put(employee, calculator.credit(events)));
        return new EmployeeDayBook(credits, feed.events.stream().filter(e -> e.getKind() == EventKind.WORK_MODE).toList(),
                new DirectoryHistory(feed.directory), SETTINGS);
    }

    @Test
    void shouldTakeTheLatestKnownReportOverTheDaysLocationsAndCountTheConflict() {
        Feed feed = new Feed();
        feed.add(Feed.event(EventKind.DOCUMENT, "edited", "E1", "2026-04-06T09:00").setObjectId("d").setLocation(Location.OFFICE));
        feed.report("E1", "2026-04-07T08:00", "2026-04-06", Location.HOME);
        feed.report("E1", "2026-04-07T08:30", "2026-04-06", Location.SATELLITE); // later: wins
        feed.report("E1", "2026-04-07T09:00", "2026-04-06", Location.UNKNOWN);   // ignored

        EmployeeDay day = days(feed).get("E1", LocalDate.of(2026, 4, 6));

        assertThat(day.workMode()).isEqualTo(Location.SATELLITE);
        assertThat(day.reportConflict()).isTrue();
        assertThat(day.unit()).isEqualTo("UNASSIGNED");
    }

    @Test
    void shouldTakeTheMajorityLocationWithoutAReportBreakingTiesInTheContractsOrder() {
        Feed feed = new Feed();
        feed.add(Feed.event(EventKind.DOCUMENT, "edited", "E1", "2026-04-06T09:00").setObjectId("d").setLocation(Location.HOME));
        feed.add(Feed.event(EventKind.DOCUMENT, "edited", "E1", "2026-04-06T10:00").setObjectId("d").setLocation(Location.OFFICE));
        feed.add(Feed.event(EventKind.DOCUMENT, "edited", "E1", "2026-04-06T11:00").setObjectId("d").setLocation(Location.UNKNOWN));
        feed.add(Feed.event(EventKind.DOCUMENT, "edited", "E2", "2026-04-06T11:00").setObjectId("d"));
        feed.staff("E1", "SHIMIN", 0.5, "2026-04-01");

        EmployeeDayBook book = days(feed);

        assertThat(book.get("E1", LocalDate.of(2026, 4, 6)).workMode()).isEqualTo(Location.OFFICE);
        assertThat(book.get("E1", LocalDate.of(2026, 4, 6)).unit()).isEqualTo("SHIMIN");
        assertThat(book.get("E1", LocalDate.of(2026, 4, 6)).fte()).isEqualTo(0.5);
        assertThat(book.get("E2", LocalDate.of(2026, 4, 6)).workMode()).isEqualTo(Location.UNKNOWN);
    }

    @Test
    void shouldSumTheDaysCreditsMeetingsOnlineShareSpanAndClosedCases() {
        Feed feed = new Feed();
        feed.add(Feed.event(EventKind.PRESENCE, "logon", "E1", "2026-04-06T08:00")); // 5 min tail, after hours
        feed.meeting("held", "E1", "2026-04-06T10:00", 30, "m1", Channel.HYBRID);
        feed.meeting("attended", "E1", "2026-04-06T11:00", 20, "m2", Channel.IN_PERSON);
        feed.step("case_closed", "E1", "2026-04-06T16:00", "c1", null);

        EmployeeDay day = days(feed).get("E1", LocalDate.of(2026, 4, 6));

        assertThat(Feed.minutes(day.active())).isEqualTo(5 + 30 + 20 + 5);
        assertThat(Feed.minutes(day.meeting())).isEqualTo(50);
        assertThat(Feed.minutes(day.onlineMeeting())).isEqualTo(30);
        assertThat(Feed.minutes(day.afterHours())).isEqualTo(5);
        assertThat(Feed.minutes(day.span())).isEqualTo(8 * 60 + 5); // 08:00 to the tail's end at 16:05
        assertThat(day.casesClosed()).isEqualTo(1);
    }

    @Test
    void shouldAssembleACaseWithItsCycleHandoffsTouchWaitRemoteShareAndVariant() {
        Feed feed = new Feed();
        feed.add(Feed.event(EventKind.WORKFLOW, "case_opened", "E1", "2026-04-06T09:00").setObjectId("c1"));
        feed.add(Feed.event(EventKind.WORKFLOW, "step_started", "E1", "2026-04-06T09:10").setObjectId("c1")
                .setProcessCode("JIDOTEATE").setAttributes(new java.util.HashMap<>(java.util.Map.of("step", "UKE"))));
        feed.step("step_completed", "E1", "2026-04-06T09:40", "c1", "UKE");
        feed.step("step_started", "E2", "2026-04-07T10:00", "c1", "SHINSA");
        feed.step("step_completed", "E2", "2026-04-07T11:00", "c1", "SHINSA");
        feed.step("step_completed", "E1", "2026-04-08T09:00", "c1", "UKE"); // rework, unmatched start
        feed.step("case_closed", "E1", "2026-04-08T10:00", "c1", null);
        feed.report("E2", "2026-04-08T08:00", "2026-04-07", Location.HOME);

        EmployeeDayBook book = days(feed);
        CaseFacts c = new CaseAssembler(book, SETTINGS).assemble(feed.events).get(0);

        assertThat(c.process()).isEqualTo("JIDOTEATE");
        assertThat(c.leftCensored()).isFalse();
        assertThat(c.cycleMillis()).isEqualTo((2 * 24 + 1) * 3_600_000L);
        assertThat(c.handoffs()).isEqualTo(2);
        assertThat(c.variant()).containsExactly("UKE", "SHINSA", "UKE");
        assertThat(c.touchMillis()).as("the reworked UKE has no start of its own").isNull();
        assertThat(c.waitMillis()).isNull();
        assertThat(c.knownSteps()).isEqualTo(1); // only E2's day has a known mode
        assertThat(c.remoteSteps()).isEqualTo(1);
    }

    @Test
    void shouldKnowTouchTimeWhenEveryStepIsMatchedAndReopenOnALaterStep() {
        Feed feed = new Feed();
        feed.step("step_started", "E1", "2026-04-06T09:00", "c2", "A");
        feed.step("step_started", "E1", "2026-04-06T09:30", "c2", "B");
        feed.step("step_completed", "E1", "2026-04-06T10:00", "c2", "A");
        feed.step("step_completed", "E1", "2026-04-06T10:30", "c2", "B");
        feed.step("case_closed", "E1", "2026-04-06T11:00", "c2", null);
        feed.step("step_started", "E1", "2026-04-06T11:30", "c3", "A");
        feed.step("step_completed", "E1", "2026-04-06T11:40", "c3", "A");
        feed.step("case_closed", "E1", "2026-04-06T11:50", "c3", null);
        feed.step("step_completed", "E1", "2026-04-06T12:00", "c3", "A"); // after the close: reopens

        List<CaseFacts> cases = new CaseAssembler(days(feed), SETTINGS).assemble(feed.events);

        CaseFacts c2 = cases.get(0);
        assertThat(c2.leftCensored()).isTrue(); // no case_opened: opened at its first event
        assertThat(Feed.minutes(c2.cycleMillis())).isEqualTo(120);
        assertThat(Feed.minutes(c2.touchMillis())).isEqualTo(90); // union of 09:00–10:00 and 09:30–10:30
        assertThat(Feed.minutes(c2.waitMillis())).isEqualTo(30);
        assertThat(cases.get(1).closed()).isNull();
        assertThat(cases.get(1).process()).isEqualTo("UNASSIGNED");
    }
}
