package org.mieruka.ingest.importer;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * What an import needs besides the file: the registered source it belongs to, the zone of the
 * source's local times, the step table (activity name to step code; default the name itself), a
 * default employee and process code for logs that lack them, and the generic CSV's mapping file.
 * Optional values are null.
 */
public record ImportSettings(String sourceSystem, ZoneId zone, Map<String, String> stepTable,
                             String defaultEmployee, String defaultProcessCode, Path mappingFile) {

    public ImportSettings {
        stepTable = stepTable == null ? Map.of() : Map.copyOf(stepTable);
    }

    /** The settings a registered source gives its imports: step table, default employee and process code. */
    public static ImportSettings forSource(org.mieruka.ingest.source.SourceRegistration source, ZoneId zone) {
        ImportSettings settings = of(source.sourceSystem(), zone).withStepTable(source.steps().codes());
        if (source.defaultEmployee().isPresent()) {
            settings = settings.withDefaultEmployee(source.defaultEmployee().get());
        }
        if (source.defaultProcessCode().isPresent()) {
            settings = settings.withDefaultProcessCode(source.defaultProcessCode().get());
        }
        return settings;
    }

    public static ImportSettings of(String sourceSystem, ZoneId zone) {
        return new ImportSettings(sourceSystem, zone, Map.of(), null, null, null);
    }

    public ImportSettings withStepTable(Map<String, String> table) {
        return new ImportSettings(sourceSystem, zone, table, defaultEmployee, defaultProcessCode, mappingFile);
    }

    public ImportSettings withDefaultEmployee(String employee) {
        return new ImportSettings(sourceSystem, zone, stepTable, employee, defaultProcessCode, mappingFile);
    }

    public ImportSettings withDefaultProcessCode(String processCode) {
        return new ImportSettings(sourceSystem, zone, stepTable, defaultEmployee, processCode, mappingFile);
    }

    public ImportSettings withMappingFile(Path file) {
        return new ImportSettings(sourceSystem, zone, stepTable, defaultEmployee, defaultProcessCode, file);
    }

    String stepOf(String activity) {
        return stepTable.getOrDefault(activity, activity);
    }
}
