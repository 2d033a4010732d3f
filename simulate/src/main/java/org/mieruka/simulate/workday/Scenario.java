package org.mieruka.simulate.workday;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mieruka.schemas.config.InvalidConfigException;
import org.mieruka.schemas.reference.Intervention;
import org.mieruka.simulate.OrgChart;

/**
 * A telework pilot (モデル部署) with the effects it truly has, so that an evaluation can be checked
 * against them. Effects apply in the treated units from {@code start}.
 *
 * @param homeShare          chance that an internal-duty employee of a treated unit works at home on a day
 *                           (the comparison units keep {@link ActivityConfig#baseHomeShare()})
 * @param cycleTimeEffect    relative change of the waits between steps and of step durations (−0.10: 10 % faster)
 * @param afterHoursEffect   relative change of after-hours minutes (−0.20: a fifth fewer)
 * @param onlineMeetingShift added to the chance that an all-office meeting is held online (+0.30: 30 points)
 */
public record Scenario(String interventionId, String nameJa, String nameEn, List<String> treatedUnits,
                       LocalDate start, double homeShare, double cycleTimeEffect, double afterHoursEffect,
                       double onlineMeetingShift) {

    public Scenario {
        treatedUnits = List.copyOf(treatedUnits);
    }

    /** Four sections from 2026-06-01: home 35 % of days, cycle −10 %, after-hours −20 %, online meetings +30 points. */
    public static Scenario defaults() {
        return new Scenario("telework-pilot-2026", "テレワーク・モデル部署（令和8年度）",
                "Telework model departments (FY2026)",
                List.of("somu.jinji", "kikaku.zaisei", "zeimu.shiminzei", "kodomo.kosodate"),
                LocalDate.of(2026, 6, 1), 0.35, -0.10, -0.20, 0.30);
    }

    /** Every problem at once, against the city's org chart. */
    public void validate(OrgChart chart) {
        List<String> problems = new ArrayList<>();
        for (String unit : treatedUnits) {
            if (!chart.contains(unit) || !chart.unit(unit).staffed()) {
                problems.add("treated unit " + unit + " is not a section of the org chart");
            }
        }
        if (treatedUnits.isEmpty()) {
            problems.add("a scenario treats at least one unit");
        }
        if (!(homeShare >= 0 && homeShare <= 1)) {
            problems.add("homeShare " + homeShare + " outside [0, 1]");
        }
        if (!(cycleTimeEffect > -1 && cycleTimeEffect < 10)) {
            problems.add("cycleTimeEffect " + cycleTimeEffect + " outside (−1, 10)");
        }
        if (!(afterHoursEffect >= -1 && afterHoursEffect < 10)) {
            problems.add("afterHoursEffect " + afterHoursEffect + " outside [−1, 10)");
        }
        if (!(onlineMeetingShift >= -1 && onlineMeetingShift <= 1)) {
            problems.add("onlineMeetingShift " + onlineMeetingShift + " outside [−1, 1]");
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException("scenario", problems);
        }
    }

    boolean treats(String unit, LocalDate date) {
        return !date.isBefore(start) && treatedUnits.contains(unit);
    }

    public Intervention toIntervention() {
        return Intervention.newBuilder().setInterventionId(interventionId).setNameJa(nameJa).setNameEn(nameEn)
                .setDescription(String.format(java.util.Locale.ROOT,
                        "Simulated pilot: home share %.2f, cycle time %+.0f%%, after-hours %+.0f%%, "
                                + "online meetings %+.0f points", homeShare, cycleTimeEffect * 100,
                        afterHoursEffect * 100, onlineMeetingShift * 100))
                .setOrgUnits(treatedUnits).setStartDate(start).build();
    }
}
