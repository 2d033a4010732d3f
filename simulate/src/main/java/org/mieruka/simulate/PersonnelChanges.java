package org.mieruka.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.reference.DutyType;

/**
 * The 人事異動: on each change day a share of the regular staff moves to another section and
 * gets a duty from the new section's mix. Part-timers (会計年度任用職員) stay, as they are
 * appointed to a post rather than rotated.
 */
public final class PersonnelChanges {

    private PersonnelChanges() {
    }

    /**
     * The additional directory rows, change day by change day, each day in employee-id order.
     * Sections are drawn by headcount weight, so the sizes of the sections stay about as hired.
     */
    public static List<DirectoryEntry> apply(List<DirectoryEntry> hired, OrgChart chart,
            SimulationConfig config, SplittableRandom random) {
        List<Unit> sections = chart.sections();
        if (sections.size() < 2) {
            return List.of(); // nowhere to move to
        }
        double[] cumulative = new double[sections.size()];
        Map<String, Integer> index = new HashMap<>();
        double sum = 0;
        for (int s = 0; s < sections.size(); s++) {
            sum += sections.get(s).headcountWeight();
            cumulative[s] = sum;
            index.put(sections.get(s).code(), s);
        }
        int[] current = new int[hired.size()];
        for (int i = 0; i < hired.size(); i++) {
            current[i] = index.get(hired.get(i).getOrgUnit());
        }
        List<PersonnelChange> changes = config.personnelChanges().stream()
                .sorted((a, b) -> a.date().compareTo(b.date())).toList();
        String partTime = JobClass.KAIKEI_NENDO.label();
        List<DirectoryEntry> rows = new ArrayList<>();
        for (PersonnelChange change : changes) {
            for (int i = 0; i < hired.size(); i++) {
                DirectoryEntry staff = hired.get(i);
                if (partTime.equals(staff.getJobClass()) || random.nextDouble() >= change.share()) {
                    continue;
                }
                int to = drawOther(cumulative, sum, current[i], random);
                current[i] = to;
                Unit section = sections.get(to);
                DutyType duty = section.dutyMix().draw(random.nextDouble());
                rows.add(new DirectoryEntry(staff.getEmployee(), section.code(), staff.getJobClass(), duty,
                        staff.getFte(), change.date()));
            }
        }
        return rows;
    }

    // A weighted draw repeated until it is not the current section.
    private static int drawOther(double[] cumulative, double sum, int currentSection, SplittableRandom random) {
        while (true) {
            double u = random.nextDouble() * sum;
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            if (lo != currentSection) {
                return lo;
            }
        }
    }
}
