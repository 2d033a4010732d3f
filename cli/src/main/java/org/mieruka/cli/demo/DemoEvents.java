package org.mieruka.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A small morning at a city hall in the JSON form of the contract: document work at 市民課 (citizen
 * services), an online meeting, a workflow case and presence events. Event ids carry a run id so
 * that each demo run adds new events.
 */
public final class DemoEvents {

    /** The source systems the demonstration events come from; the demo registers each with a token. */
    public static final java.util.List<String> SOURCES = java.util.List.of("docs-m365", "teams", "attendance",
            "approval-sys");

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoEvents() {
    }

    public static List<String> morning(LocalDate day, ZoneId zone, String runId) {
        List<String> lines = new ArrayList<>();
        String[] staff = {"D0001", "D0002", "D0003", "D0004", "D0005", "D0006"};
        int n = 0;
        for (int s = 0; s < staff.length; s++) {
            ZonedDateTime start = day.atTime(8, 30 + s * 3).atZone(zone);
            String unit = s < 3 ? "SHIMIN" : "FUKUSHI";
            String location = s % 3 == 2 ? "HOME" : "OFFICE";
            lines.add(event(runId, ++n, "attendance", "PRESENCE", "logon", start, staff[s], unit, null, null,
                    null, location, null));
            for (int d = 0; d < 3; d++) {
                lines.add(event(runId, ++n, "docs-m365", "DOCUMENT", d == 2 ? "approved" : "edited",
                        start.plusMinutes(10 + d * 12L), staff[s], unit, "doc-" + s + "-" + d, "P-JUMINHYO",
                        "ELECTRONIC", location, null));
            }
            lines.add(event(runId, ++n, "teams", "MEETING", s == 0 ? "held" : "attended", start.plusMinutes(60),
                    staff[s], unit, "meeting-weekly-" + runId, null, "ONLINE", location, 30 * 60_000L));
        }
        lines.add(workflow(runId, ++n, "case_opened", day.atTime(9, 0).atZone(zone), staff[0], null));
        lines.add(workflow(runId, ++n, "step_completed", day.atTime(9, 20).atZone(zone), staff[0], "RECEIVE"));
        lines.add(workflow(runId, ++n, "step_completed", day.atTime(10, 5).atZone(zone), staff[1], "REVIEW"));
        lines.add(workflow(runId, ++n, "case_closed", day.atTime(10, 6).atZone(zone), staff[1], null));
        return lines;
    }

    private static String workflow(String runId, int n, String action, ZonedDateTime at, String employee, String step) {
        String line = event(runId, n, "approval-sys", "WORKFLOW", action, at, employee, "SHIMIN",
                "case-" + runId, "P-JUMINHYO", "ELECTRONIC", "OFFICE", null);
        if (step == null) {
            return line;
        }
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            node.putObject("attributes").put("step", step);
            return node.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String event(String runId, int n, String source, String kind, String action, ZonedDateTime at,
                                String employee, String unit, String objectId, String process, String channel,
                                String location, Long durationMs) {
        ObjectNode node = JSON.createObjectNode()
                .put("event_id", "demo-" + runId + "-" + n)
                .put("source_system", source)
                .put("kind", kind)
                .put("action", action)
                .put("occurred_at", at.toOffsetDateTime().toString())
                .put("employee", employee)
                .put("org_unit", unit);
        if (objectId != null) {
            node.put("object_id", objectId);
        }
        if (process != null) {
            node.put("process_code", process);
        }
        if (channel != null) {
            node.put("channel", channel);
        }
        node.put("location", location);
        if (durationMs != null) {
            node.put("duration_ms", durationMs);
        }
        return node.toString();
    }
}
