package org.mieruka.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.event.WorkEvent;

/**
 * The simulated city's records in the formats its systems export, for the importers: the post-hoc
 * work-mode reports as the report form's CSV, and the workflow cases as an XES event log (one trace
 * per case, each step's start and completion). Each event once, as first sent.
 */
public final class ImporterFormats {

    public static final String WORK_MODE_CSV = "workmode.csv";
    public static final String WORKFLOW_XES = "workflow.xes";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final Map<Location, String> PLACES = Map.of(Location.HOME, "在宅", Location.SATELLITE, "サテライト",
            Location.OFFICE, "庁舎", Location.FIELD, "外勤");

    private ImporterFormats() {
    }

    public static List<Path> write(List<WorkEvent> arrivals, ZoneId zone, Path directory) throws IOException {
        List<WorkEvent> events = firstOfEachId(arrivals);
        return List.of(workModeCsv(events, zone, directory.resolve(WORK_MODE_CSV)),
                workflowXes(events, zone, directory.resolve(WORKFLOW_XES)));
    }

    private static List<WorkEvent> firstOfEachId(List<WorkEvent> arrivals) {
        Set<String> seen = new LinkedHashSet<>();
        List<WorkEvent> first = new ArrayList<>();
        for (WorkEvent event : arrivals) {
            if (seen.add(event.getSourceSystem() + "/" + event.getEventId())) {
                first.add(event);
            }
        }
        return first;
    }

    /** The report form's export: 職員番号,勤務日,勤務場所,勤務時間,報告日時 (UTF-8). */
    static Path workModeCsv(List<WorkEvent> events, ZoneId zone, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("職員番号,勤務日,勤務場所,勤務時間,報告日時\n");
            for (WorkEvent event : events) {
                if (event.getKind() != EventKind.WORK_MODE || !PLACES.containsKey(event.getLocation())) {
                    continue;
                }
                out.write(event.getEmployee() + "," + event.getAttributes().get("date") + ","
                        + PLACES.get(event.getLocation()) + "," + event.getAttributes().getOrDefault("hours", "")
                        + "," + TIME.format(event.getOccurredAt().atZone(zone)) + "\n");
            }
        }
        return file;
    }

    /** An XES log of the workflow system: a trace per case, its steps' start and complete events. */
    static Path workflowXes(List<WorkEvent> events, ZoneId zone, Path file) throws IOException {
        Map<String, List<WorkEvent>> cases = new LinkedHashMap<>();
        for (WorkEvent event : events) {
            boolean step = "step_started".equals(event.getAction()) || "step_completed".equals(event.getAction());
            if (event.getKind() == EventKind.WORKFLOW && step) {
                cases.computeIfAbsent(event.getObjectId(), c -> new ArrayList<>()).add(event);
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            out.write("<log xes.version=\"1.0\" xmlns=\"http://www.xes-standard.org/\">\n");
            out.write("  <extension name=\"Concept\" prefix=\"concept\" uri=\"http://www.xes-standard.org/concept.xesext\"/>\n");
            out.write("  <extension name=\"Lifecycle\" prefix=\"lifecycle\" uri=\"http://www.xes-standard.org/lifecycle.xesext\"/>\n");
            out.write("  <extension name=\"Organizational\" prefix=\"org\" uri=\"http://www.xes-standard.org/org.xesext\"/>\n");
            out.write("  <extension name=\"Time\" prefix=\"time\" uri=\"http://www.xes-standard.org/time.xesext\"/>\n");
            for (Map.Entry<String, List<WorkEvent>> trace : cases.entrySet()) {
                out.write("  <trace>\n    <string key=\"concept:name\" value=\"" + xml(trace.getKey()) + "\"/>\n");
                for (WorkEvent event : trace.getValue()) {
                    out.write("    <event>\n");
                    out.write("      <string key=\"concept:name\" value=\"" + xml(event.getAttributes().get("step")) + "\"/>\n");
                    out.write("      <string key=\"org:resource\" value=\"" + xml(event.getEmployee()) + "\"/>\n");
                    out.write("      <string key=\"lifecycle:transition\" value=\""
                            + ("step_started".equals(event.getAction()) ? "start" : "complete") + "\"/>\n");
                    out.write("      <date key=\"time:timestamp\" value=\""
                            + TIME.format(event.getOccurredAt().atZone(zone)) + "\"/>\n");
                    out.write("    </event>\n");
                }
                out.write("  </trace>\n");
            }
            out.write("</log>\n");
        }
        return file;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
