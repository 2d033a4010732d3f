package org.mieruka.simulate.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.reference.PersonalDataLevel;
import org.mieruka.schemas.reference.ProcessDefinition;
import org.mieruka.schemas.reference.TeleworkEligibility;

class TruthCalculatorTest {

    @Test
    void shouldIgnoreRepeatedKeysCountConflictsAndRejectLateEvents() {
        Feed feed = new Feed();
        feed.add(Feed.event(EventKind.DOCUMENT, "edited", "E1", "2026-04-06T09:00").setObjectId("d").setEventId("a"));
        feed.add(Feed.event(EventKind.DOCUMENT, "edited", "E1", "2026-04-06T09:00").setObjectId("d").setEventId("a"));
        feed.add(Feed.event(EventKind.DOCUMENT, "viewed", "E1", "2026-04-06T09:00").setObjectId("d").setEventId("a"));
        feed.doc("E1", "2026-04-21T00:00"); // stream time: exactly 6 April's midnight + 14 days
        feed.doc("E1", "2026-04-06T10:00"); // not passed yet: accepted
        feed.doc("E1", "2026-04-21T00:01");
        feed.doc("E1", "2026-04-06T11:00"); // now passed: LATE

        TruthReport.Counts counts = feed.truth().counts();

        assertThat(counts.arrived()).isEqualTo(7);
        assertThat(counts.duplicates()).isEqualTo(2);
        assertThat(counts.conflicts()).isEqualTo(1);
        assertThat(counts.late()).isEqualTo(1);
        assertThat(counts.accepted()).isEqualTo(4);
    }

    @Test
    void shouldAttributeCreditToTheEventsOwnUnitElseTheDirectoryElseUnassigned() {
        Feed feed = new Feed();
        feed.staff("E1", "SHIMIN", 1.0, "2026-04-01");
        feed.add(Feed.event(EventKind.DOCUMENT, "edited", "E1", "2026-04-06T09:00").setObjectId("d").setOrgUnit("KOSEKI"));
        feed.doc("E1", "2026-04-06T10:00");
        feed.doc("E9", "2026-04-06T10:00");

        TruthReport truth = feed.truth();

        assertThat(truth.workHours()).extracting(TruthReport.WorkHours::orgUnit)
                .containsExactly("KOSEKI", "SHIMIN", "UNASSIGNED");
        assertThat(truth.workHours()).allSatisfy(w -> assertThat(Feed.minutes(w.creditMillis())).isEqualTo(5));
        assertThat(truth.counts().unitDiffersFromDirectory()).isEqualTo(1);
    }

    @Test
    void shouldGroupTheTeleworkEffectByUnitWeekAndModeAndPlaceCasesByTheirLastStep() {
        Feed feed = new Feed();
        feed.staff("E1", "SHIMIN", 1.0, "2026-04-01");
        feed.staff("E2", "SHIMIN", 1.0, "2026-04-01");
        feed.step("case_opened", "E1", "2026-04-06T09:00", "c1", null);
        feed.step("step_completed", "E2", "2026-04-07T10:00", "c1", "A");
        feed.step("case_closed", "E1", "2026-04-08T09:00", "c1", null);
        feed.report("E2", "2026-04-08T08:00", "2026-04-07", Location.HOME);
        feed.meeting("held", "E1", "2026-04-08T13:00", 60, "m", Channel.ONLINE);

        List<TruthReport.TeleworkEffect> rows = feed.truth().teleworkEffect();

        assertThat(rows).extracting(r -> r.orgUnit() + "/" + r.week() + "/" + r.workMode() + "/" + r.employeeDays())
                .containsExactly("SHIMIN/2026-04-06/HOME/1", "SHIMIN/2026-04-06/UNKNOWN/2");
        TruthReport.TeleworkEffect home = rows.get(0);
        assertThat(home.closedCasesPlaced()).isEqualTo(1);
        assertThat(home.cycleMedianMillis()).isEqualTo(48 * 3_600_000L);
        TruthReport.TeleworkEffect unknown = rows.get(1);
        assertThat(unknown.casesClosed()).isEqualTo(1);
        assertThat(unknown.onlineMeetingShare()).isEqualTo(1.0);
        assertThat(unknown.meetingShare()).isEqualTo(60.0 / 70.0); // the other 10 min: two 5 min tails
    }

    @Test
    void shouldTakeTheLowerMiddleAsMedianAndDivideClosedCasesByFteDays() {
        Feed feed = new Feed();
        feed.staff("E1", "SHIMIN", 0.5, "2026-04-01");
        for (int i = 1; i <= 4; i++) {
            feed.add(Feed.event(EventKind.WORKFLOW, "case_opened", "E1", "2026-04-06T09:0" + i).setObjectId("c" + i)
                    .setProcessCode("P"));
            feed.step("step_completed", "E1", "2026-04-0" + (6 + i % 2) + "T12:00", "c" + i, "A");
            feed.step("case_closed", "E1", "2026-04-0" + (6 + i % 2) + "T1" + (2 + i) + ":00", "c" + i, null);
        }

        TruthReport.ProcessPeriod week = feed.truth().processPeriods().stream()
                .filter(p -> p.process().equals("P") && p.period().equals("WEEK")).findFirst().orElseThrow();

        assertThat(week.casesOpened()).isEqualTo(4);
        assertThat(week.casesClosed()).isEqualTo(4);
        // cycles (h:mm): c1 27:59, c2 4:58, c3 29:57, c4 6:56 → sorted 4:58, 6:56, 27:59, 29:57
        assertThat(Feed.minutes(week.cycleMedianMillis())).isEqualTo(6 * 60 + 56);
        assertThat(Feed.minutes(week.cycleP90Millis())).isEqualTo(29 * 60 + 57);
        assertThat(week.stepsPerCase()).isEqualTo(1.0);
        assertThat(week.fteDays()).isEqualTo(1.0); // two employee-days at 0.5
        assertThat(week.throughput()).isEqualTo(4.0);
    }

    @Test
    void shouldFlagProcessesAndShareReadyStaffAndPaperlessFiguresAsOfTheReportDate() {
        Feed feed = new Feed();
        feed.staff("E1", "SHIMIN", 1.0, "2026-01-01");
        feed.staff("E2", "SHIMIN", 1.0, "2026-01-01");
        feed.add(Feed.event(EventKind.WORKFLOW, "step_completed", "E1", "2026-04-06T10:00").setObjectId("c")
                .setProcessCode("KAIGIROKU").setAttributes(new java.util.HashMap<>(java.util.Map.of("step", "A"))));
        feed.report("E1", "2026-04-07T08:00", "2026-04-06", Location.OFFICE);
        feed.add(Feed.event(EventKind.DOCUMENT, "printed", "E2", "2026-04-06T09:00").setObjectId("d1"));
        feed.add(Feed.event(EventKind.DOCUMENT, "approved", "E2", "2026-04-06T09:10").setObjectId("d2")
                .setChannel(Channel.ELECTRONIC));
        feed.add(Feed.event(EventKind.DOCUMENT, "approved", "E2", "2026-04-06T09:20").setObjectId("d2")
                .setChannel(Channel.PAPER).setLocation(Location.HOME));
        List<ProcessDefinition> catalog = List.of(process("KAIGIROKU", TeleworkEligibility.YES),
                process("JUMINHYO", TeleworkEligibility.NO));

        TruthReport.Readiness readiness = new TruthCalculator(TruthSettings.defaults(), Feed::weekday)
                .compute(feed.events, feed.directory, catalog, null).readiness();

        assertThat(readiness.reportDate()).isEqualTo(LocalDate.of(2026, 4, 6));
        assertThat(readiness.windowStart()).isEqualTo(LocalDate.of(2026, 1, 7));
        assertThat(readiness.processes()).extracting(p -> p.process() + ":" + p.flag())
                .containsExactly("JUMINHYO:NO_ACTIVITY", "KAIGIROKU:NEVER_TRIED_REMOTELY");
        assertThat(readiness.staff()).singleElement().satisfies(s -> {
            assertThat(s.assigned()).isEqualTo(2);
            assertThat(s.ready()).isEqualTo(1); // E2's day: majority location HOME
        });
        assertThat(readiness.paperless()).singleElement().satisfies(p -> {
            assertThat(p.printsPer100Documents()).isEqualTo(50.0); // 1 print, 2 documents
            assertThat(p.electronicApprovalShare()).isEqualTo(0.5);
            assertThat(p.onlineMeetingShare()).isNull();
        });
    }

    private static ProcessDefinition process(String code, TeleworkEligibility eligibility) {
        return ProcessDefinition.newBuilder().setProcessCode(code).setNameJa(code).setNameEn(code).setCategory("c")
                .setTeleworkEligibility(eligibility).setPersonalDataLevel(PersonalDataLevel.NONE).build();
    }

}
