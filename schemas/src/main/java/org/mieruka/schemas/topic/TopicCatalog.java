package org.mieruka.schemas.topic;

import java.time.Duration;
import java.util.List;

/**
 * Every topic Mieruka reads or writes, in one place. The table of docs/topics.md is generated from
 * it ({@link #markdownTable(String)}) and a test keeps the two equal.
 */
public final class TopicCatalog {

    public static final String DEFAULT_PREFIX = "mieruka.";

    /** Accepted WorkEvents as collectors wrote them; the input of the stream processors. */
    public static final TopicSpec RAW_EVENTS = new TopicSpec("events.raw", 6, false, Duration.ofDays(90),
            "`source_system/event_id`", "WorkEvent",
            "accepted work-activity events, before pseudonymisation; kept only for reprocessing");

    /** Events past the privacy stage: deduplicated, screened again, staff ids pseudonymised. */
    public static final TopicSpec PSEUDONYMOUS_EVENTS = new TopicSpec("events.pseudonymous", 6, false,
            Duration.ofDays(90), "`employee_pseudonym`", "PseudonymousEvent",
            "events after the privacy stage, one per (source_system, event_id), keyed by the employee's pseudonym");

    /** Events and records rejected anywhere in the pipeline, with their reason. */
    public static final TopicSpec DEAD_LETTER = new TopicSpec("events.dead-letter", 1, false, Duration.ofDays(90),
            "`source`", "DeadLetter",
            "everything refused, with exactly one reason code; payload withheld for MY_NUMBER and PERSONAL_DATA");

    /** The staff directory, one record per employee and valid_from date. */
    public static final TopicSpec DIRECTORY = new TopicSpec("reference.directory", 1, true, Duration.ofDays(30),
            "`employee/valid_from` (YYYY-MM-DD)", "DirectoryEntry",
            "staff directory with its history: unit, job class, duty type and FTE from a date");

    /** The staff directory after the privacy stage: the same rows, keyed and named by pseudonym. */
    public static final TopicSpec DIRECTORY_PSEUDONYMOUS = new TopicSpec("reference.directory-pseudonymous", 1, true,
            Duration.ofDays(30), "`employee_pseudonym/valid_from` (YYYY-MM-DD)", "PseudonymousDirectoryEntry",
            "the directory as the stream processors join it: staff ids replaced by their pseudonyms");

    /** The process catalog. */
    public static final TopicSpec PROCESSES = new TopicSpec("reference.processes", 1, true, Duration.ofDays(30),
            "`process_code`", "ProcessDefinition",
            "process catalog (業務): names, category, ordered steps, telework eligibility, personal-data level");

    /** Org units. */
    public static final TopicSpec ORG_UNITS = new TopicSpec("reference.org-units", 1, true, Duration.ofDays(30),
            "`code`", "OrgUnit", "org units (部・課) with names and parent");

    /** The city's calendar beyond Saturdays and Sundays. */
    public static final TopicSpec CALENDAR = new TopicSpec("reference.calendar", 1, true, Duration.ofDays(30),
            "`date` (YYYY-MM-DD)", "CalendarDay", "holidays, city closing days and working exceptions");

    /** Pilots (model departments) for the evaluation. */
    public static final TopicSpec INTERVENTIONS = new TopicSpec("reference.interventions", 1, true,
            Duration.ofDays(30), "`intervention_id`", "Intervention",
            "pilots (モデル部署): treated org units and start date");

    /** Event counts per source, kind and local date (the walking-skeleton metric). */
    public static final TopicSpec EVENT_COUNTS = new TopicSpec("metrics.event-counts", 3, true, Duration.ofDays(30),
            "`source_system/kind/event_date`", "EventCount",
            "events per source, kind and local date; each update has a higher `version`");

    /** Work time credit per activity event (§1), with every dimension it is attributed to. */
    public static final TopicSpec EVENT_CREDITS = new TopicSpec("metrics.event-credits", 6, true, Duration.ofDays(30),
            "`source_system/event_id`", "EventCredit",
            "work time credit of each activity event with its org unit, process, kind, channel and work mode; "
                    + "updates carry a higher `version`");

    /** Employee-days (§2), pseudonymous. */
    public static final TopicSpec EMPLOYEE_DAYS = new TopicSpec("metrics.employee-days", 6, true, Duration.ofDays(30),
            "`employee_pseudonym/day_date`", "EmployeeDay",
            "one record per employee and local date with activity: unit, work mode, active, after-hours and meeting "
                    + "time; updates carry a higher `version`");

    /** Cases (§3) with their process-inventory figures. */
    public static final TopicSpec CASES = new TopicSpec("metrics.cases", 6, true, Duration.ofDays(30),
            "`source_system/object_id`", "WorkCase",
            "one record per case: process, opened/closed, cycle, touch and wait time, steps, handoffs, variant; "
                    + "updates carry a higher `version`");

    /** Estimated work hours (§1) per event org unit, week, process, kind, channel and work mode. */
    public static final TopicSpec WORK_HOURS = new TopicSpec("metrics.work-hours", 6, true, Duration.ofDays(30),
            "`org_unit/week/process_code/kind/channel/work_mode`", "WorkHours",
            "§1 estimated work hours per group with distinct employees; updates carry a higher `version`");

    /** Telework effect (§4) per org unit, week and work mode. */
    public static final TopicSpec TELEWORK_EFFECT = new TopicSpec("metrics.telework-effect", 6, true,
            Duration.ofDays(30), "`org_unit/week/work_mode`", "TeleworkEffect",
            "§4 sums per org unit × week × work mode and the median cycle time of the cases placed there; "
                    + "updates carry a higher `version`");

    private TopicCatalog() {
    }

    public static List<TopicSpec> all() {
        return List.of(RAW_EVENTS, PSEUDONYMOUS_EVENTS, DEAD_LETTER, DIRECTORY, DIRECTORY_PSEUDONYMOUS, PROCESSES, ORG_UNITS, CALENDAR, INTERVENTIONS,
                EVENT_COUNTS, EVENT_CREDITS, EMPLOYEE_DAYS, CASES, WORK_HOURS, TELEWORK_EFFECT);
    }

    /** The catalog as the Markdown table of docs/topics.md, with names under {@code prefix}. */
    public static String markdownTable(String prefix) {
        StringBuilder table = new StringBuilder()
                .append("| topic | key | value (Avro single-object) | partitions | cleanup | retention | purpose |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (TopicSpec topic : all()) {
            table.append("| `").append(topic.name(prefix)).append("` | ").append(topic.key())
                    .append(" | ").append(topic.value())
                    .append(" | ").append(topic.partitions())
                    .append(" | ").append(topic.compacted() ? "compact" : "delete")
                    .append(" | ").append(topic.retention().toDays()).append(" days")
                    .append(topic.compacted() ? " (tombstones)" : "")
                    .append(" | ").append(topic.doc()).append(" |\n");
        }
        return table.toString();
    }
}
