package org.mieruka.simulate.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;

class CreditCalculatorTest {

    private final CreditCalculator calculator = new CreditCalculator(TruthSettings.defaults(), Feed::weekday);

    private List<Long> minutes(Feed feed) {
        return calculator.credit(feed.events).stream().map(c -> Feed.minutes(c.millis())).toList();
    }

    @Test
    void shouldCreditUpToTheNextEventWithinTheGapElseTheTail() {
        Feed feed = new Feed();
        feed.doc("E1", "2026-04-06T09:00");
        feed.doc("E1", "2026-04-06T09:10");
        feed.doc("E1", "2026-04-06T09:40"); // 30 min later: the one before gets the 5 min tail
        feed.doc("E1", "2026-04-06T09:55"); // exactly the 15 min gap: still up to it

        assertThat(minutes(feed)).containsExactly(10L, 5L, 15L, 5L);
    }

    @Test
    void shouldCreditMeetingOnceWhenHeldAndAttendedOverlapAndGiveSharedInstantsToTheFirstStarted() {
        Feed feed = new Feed();
        feed.meeting("held", "E1", "2026-04-06T10:00", 60, "m1", Channel.ONLINE);
        feed.meeting("attended", "E1", "2026-04-06T10:00", 60, "m1", Channel.ONLINE);
        feed.meeting("attended", "E1", "2026-04-06T10:30", 60, "m2", Channel.IN_PERSON);
        feed.doc("E1", "2026-04-06T10:45"); // inside meetings, next event far away: 5 min tail, all covered

        assertThat(minutes(feed)).containsExactly(60L, 0L, 30L, 0L);
    }

    @Test
    void shouldCreditNothingToALogoffAndCountAfterHoursOnTheClock() {
        Feed feed = new Feed();
        feed.doc("E1", "2026-04-06T17:10");
        feed.add(Feed.event(EventKind.PRESENCE, "logoff", "E1", "2026-04-06T17:20"));

        List<Credit> credits = calculator.credit(feed.events);

        assertThat(credits).extracting(c -> Feed.minutes(c.millis())).containsExactly(10L, 0L);
        assertThat(Feed.minutes(credits.get(0).afterHours())).isEqualTo(5); // 17:15–17:20
    }

    @Test
    void shouldCountAllOfANonWorkingDayAsAfterHoursAndKeepCreditOnTheEventsDate() {
        Feed feed = new Feed();
        feed.doc("E1", "2026-04-11T10:00"); // a Saturday
        feed.doc("E1", "2026-04-06T23:58"); // runs past midnight: still 6 April's

        List<Credit> credits = calculator.credit(feed.events);

        assertThat(credits.get(0).date()).isEqualTo(LocalDate.of(2026, 4, 6));
        assertThat(Feed.minutes(credits.get(0).millis())).isEqualTo(5);
        assertThat(Feed.minutes(credits.get(0).afterHours())).isEqualTo(5);
        assertThat(Feed.minutes(credits.get(1).afterHours())).isEqualTo(5);
    }

    @Test
    void shouldOrderEventsOfTheSameInstantBySourceThenId() {
        Feed feed = new Feed();
        feed.add(Feed.event(EventKind.DOCUMENT, "viewed", "E1", "2026-04-06T09:00").setSourceSystem("b")
                .setObjectId("d").setEventId("x"));
        feed.add(Feed.event(EventKind.DOCUMENT, "viewed", "E1", "2026-04-06T09:00").setSourceSystem("a")
                .setObjectId("d").setEventId("y"));

        List<Credit> credits = calculator.credit(feed.events);

        // a/y comes first and runs up to b/x at the same instant: an empty interval.
        assertThat(credits).extracting(c -> c.event().getSourceSystem() + ":" + Feed.minutes(c.millis()))
                .containsExactly("a:0", "b:5");
    }
}
