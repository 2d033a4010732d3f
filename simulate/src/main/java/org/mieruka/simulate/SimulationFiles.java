package org.mieruka.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.json.WorkEventJsonWriter;
import org.mieruka.simulate.truth.TruthFile;
import org.mieruka.simulate.truth.TruthReport;
import org.mieruka.simulate.workday.ActivityConfig;
import org.mieruka.simulate.workday.Scenario;

/**
 * A whole simulation on disk: the reference data, the events in arrival order (JSON form, one per
 * line), the scenario with its true effects, and the true value of every metric.
 */
public final class SimulationFiles {

    public static final String EVENTS = "events.jsonl";
    public static final String SCENARIO = "scenario.json";
    public static final String TRUTH = "truth.json";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    /** What was written. */
    public record Summary(long events, TruthReport.Counts counts, List<Path> files) {
    }

    private SimulationFiles() {
    }

    public static Summary write(Simulation simulation, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>(ReferenceDataWriter.write(simulation.city(), directory));

        Path eventsFile = directory.resolve(EVENTS);
        WorkEventJsonWriter json = new WorkEventJsonWriter(simulation.zone());
        try (BufferedWriter out = Files.newBufferedWriter(eventsFile, StandardCharsets.UTF_8)) {
            for (WorkEvent event : simulation.events()) {
                out.write(json.toLine(event));
                out.write('\n');
            }
        }
        Path scenarioFile = directory.resolve(SCENARIO);
        Files.write(scenarioFile, JSON.writeValueAsBytes(scenarioNode(simulation.city(), simulation.activity(),
                simulation.scenario(), simulation.zone())));
        Path truthFile = directory.resolve(TRUTH);
        TruthFile.write(simulation.truth(), truthFile);

        files.addAll(List.of(eventsFile, scenarioFile, truthFile));
        files.addAll(ImporterFormats.write(simulation.events(), simulation.zone(), directory));
        return new Summary(simulation.events().size(), simulation.truth().counts(), files);
    }

    private static ObjectNode scenarioNode(Municipality city, ActivityConfig activity, Scenario scenario, ZoneId zone) {
        ObjectNode node = JSON.createObjectNode();
        node.put("seed", city.config().seed());
        node.put("staff_count", city.config().staffCount());
        node.put("time_zone", zone.getId());
        node.set("scenario", JSON.valueToTree(scenario));
        var intervention = scenario.toIntervention();
        ObjectNode record = node.putObject("intervention");
        record.put("intervention_id", intervention.getInterventionId());
        record.put("name_ja", intervention.getNameJa());
        record.put("name_en", intervention.getNameEn());
        record.put("description", intervention.getDescription());
        intervention.getOrgUnits().forEach(record.putArray("org_units")::add);
        record.put("start_date", intervention.getStartDate().toString());
        node.set("activity", JSON.valueToTree(activity));
        return node;
    }
}
