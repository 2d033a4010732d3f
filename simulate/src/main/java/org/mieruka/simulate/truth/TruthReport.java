package org.mieruka.simulate.truth;

import java.time.LocalDate;
import java.util.List;

/**
 * The true value of every metric of metrics.md for a set of events, as the simulator writes it
 * beside them. Durations are in milliseconds so that equality is exact; a ratio whose denominator
 * is zero is null. Weeks are named by their Monday, months by their first day.
 */
public record TruthReport(Counts counts, List<WorkHours> workHours, List<TeleworkEffect> teleworkEffect,
                          List<ProcessPeriod> processPeriods, Readiness readiness) {

    /** What happened to the feed on its way in. */
    public record Counts(long arrived, long accepted, long duplicates, long conflicts, long late,
                         long unitDiffersFromDirectory, long employeeDays, long reportConflicts, long cases,
                         long leftCensoredCases) {
    }

    /** Estimated work hours (§1): credits per event org unit, week, process, kind, channel and work mode. */
    public record WorkHours(String orgUnit, LocalDate week, String process, String kind, String channel,
                            String workMode, long creditMillis, long events, int employees) {
    }

    /** Telework effect (§4) per org unit of the employee-day, week and work mode. */
    public record TeleworkEffect(String orgUnit, LocalDate week, String workMode, long employeeDays, int employees,
                                 long activeMillis, long afterHoursMillis, long meetingMillis,
                                 long onlineMeetingMillis, long casesClosed, Double activeHoursPerDay,
                                 Double casesClosedPerDay, Double afterHoursShare, Double meetingShare,
                                 Double onlineMeetingShare, int closedCasesPlaced, Long cycleMedianMillis) {
    }

    /** Process inventory figures (§3) per process and week or month. */
    public record ProcessPeriod(String process, String period, LocalDate start, long casesOpened, long casesClosed,
                                Long cycleMedianMillis, Long cycleP90Millis, Double stepsPerCase,
                                Double handoffsPerCase, long stepsCompleted, long remoteSteps, long knownModeSteps,
                                Double remoteShare, double fteDays, Double throughput) {
    }

    /** Readiness and digitalisation (§5) as of a report date. */
    public record Readiness(LocalDate reportDate, LocalDate windowStart, List<ProcessReadiness> processes,
                            List<StaffReady> staff, List<Paperless> paperless) {
    }

    public record ProcessReadiness(String process, String eligibility, long steps, long knownModeSteps,
                                   long remoteSteps, Double readiness, String flag) {
    }

    public record StaffReady(String orgUnit, int assigned, int ready, Double share) {
    }

    public record Paperless(String orgUnit, long prints, long documentsTouched, Double printsPer100Documents,
                            long electronicApprovals, long electronicOrPaperApprovals, Double electronicApprovalShare,
                            long meetingsHeld, long onlineMeetingsHeld, Double onlineMeetingShare) {
    }
}
