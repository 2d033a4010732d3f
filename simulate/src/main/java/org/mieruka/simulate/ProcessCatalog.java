package org.mieruka.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mieruka.schemas.reference.PersonalDataLevel;
import org.mieruka.schemas.reference.ProcessDefinition;
import org.mieruka.schemas.reference.TeleworkEligibility;

/** The municipal processes the simulated city runs, each owned by units of its org chart. */
public final class ProcessCatalog {

    private final Map<String, CatalogProcess> processes = new LinkedHashMap<>();

    public ProcessCatalog(List<CatalogProcess> processes, OrgChart chart) {
        List<String> problems = new ArrayList<>();
        for (CatalogProcess process : processes) {
            if (this.processes.putIfAbsent(process.code(), process) != null) {
                problems.add("duplicate process code " + process.code());
            }
            for (String owner : process.owners()) {
                if (!chart.contains(owner) || !chart.unit(owner).staffed()) {
                    problems.add(process.code() + ": owner " + owner + " is not a staffed unit");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid process catalog: " + String.join("; ", problems));
        }
    }

    /** The built-in catalog of {@code process-catalog.tsv} with the steps of {@code process-steps.tsv}. */
    public static ProcessCatalog standard(OrgChart chart) {
        Map<String, String[]> vocabulary = new HashMap<>();
        for (String[] row : TabSeparatedRows.read("process-steps.tsv")) {
            vocabulary.put(row[0], row);
        }
        List<CatalogProcess> processes = new ArrayList<>();
        for (String[] row : TabSeparatedRows.read("process-catalog.tsv")) {
            List<TimedStep> steps = new ArrayList<>();
            for (String step : row[7].split(" ")) {
                String[] codeAndMinutes = step.split(":");
                String[] names = vocabulary.get(codeAndMinutes[0]);
                if (names == null) {
                    throw new IllegalArgumentException(row[0] + ": step " + codeAndMinutes[0] + " not in the vocabulary");
                }
                steps.add(new TimedStep(names[0], names[1], names[2], Integer.parseInt(codeAndMinutes[1])));
            }
            processes.add(new CatalogProcess(row[0], row[1], row[2], row[3], steps,
                    TeleworkEligibility.valueOf(row[4]), PersonalDataLevel.valueOf(row[5]),
                    Arrays.asList(row[6].split(" "))));
        }
        return new ProcessCatalog(processes, chart);
    }

    public List<CatalogProcess> processes() {
        return List.copyOf(processes.values());
    }

    public CatalogProcess process(String code) {
        CatalogProcess process = processes.get(code);
        if (process == null) {
            throw new IllegalArgumentException("no process " + code);
        }
        return process;
    }

    public List<ProcessDefinition> definitions() {
        return processes.values().stream().map(CatalogProcess::toRecord).toList();
    }
}
