package org.mieruka.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mieruka.schemas.reference.OrgUnit;

/** The city hall's departments and sections, in the order of the org chart. */
public final class OrgChart {

    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final List<Unit> sections;

    public OrgChart(List<Unit> units) {
        List<String> problems = new ArrayList<>();
        for (Unit unit : units) {
            if (this.units.putIfAbsent(unit.code(), unit) != null) {
                problems.add("duplicate unit code " + unit.code());
            }
        }
        for (Unit unit : units) {
            if (unit.parent() != null && !this.units.containsKey(unit.parent())) {
                problems.add(unit.code() + ": parent " + unit.parent() + " is not in the chart");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid org chart: " + String.join("; ", problems));
        }
        this.sections = units.stream().filter(Unit::staffed).toList();
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("invalid org chart: no staffed section");
        }
    }

    /** The built-in city hall of {@code org-chart.tsv}: 12 departments, 33 sections. */
    public static OrgChart standard() {
        List<Unit> units = new ArrayList<>();
        for (String[] row : TabSeparatedRows.read("org-chart.tsv")) {
            String parent = row[1].isEmpty() ? null : row[1];
            if (row.length <= 4) {
                units.add(new Unit(row[0], parent, row[2], row[3], null, 0));
            } else {
                DutyMix mix = DutyMix.ofPercent(Integer.parseInt(row[4]), Integer.parseInt(row[5]),
                        Integer.parseInt(row[6]));
                units.add(new Unit(row[0], parent, row[2], row[3], mix, Integer.parseInt(row[7])));
            }
        }
        return new OrgChart(units);
    }

    public List<Unit> units() {
        return List.copyOf(units.values());
    }

    /** The units that have staff, in chart order. */
    public List<Unit> sections() {
        return sections;
    }

    public Unit unit(String code) {
        Unit unit = units.get(code);
        if (unit == null) {
            throw new IllegalArgumentException("no org unit " + code);
        }
        return unit;
    }

    public boolean contains(String code) {
        return units.containsKey(code);
    }

    public List<OrgUnit> orgUnits() {
        return units.values().stream().map(Unit::toRecord).toList();
    }
}
