package org.mieruka.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.reference.DutyType;

/**
 * The staff on the first day: headcounts split over the sections by weight, each section's
 * duties split by its mix and its job classes by a city hall's usual pyramid. O(n) in staff.
 */
public final class StaffRoster {

    private static final DutyType[] DUTIES = {DutyType.COUNTER, DutyType.FIELD, DutyType.INTERNAL};

    private StaffRoster() {
    }

    /** One directory row per staff member, valid from {@code config.firstDay()}, in employee-id order. */
    public static List<DirectoryEntry> hire(OrgChart chart, SimulationConfig config, SplittableRandom random) {
        List<Unit> sections = chart.sections();
        double[] weights = sections.stream().mapToDouble(Unit::headcountWeight).toArray();
        int[] headcounts = Apportionment.largestRemainder(config.staffCount(), weights);

        int n = config.staffCount();
        Unit[] unit = new Unit[n];
        JobClass[] jobClass = new JobClass[n];
        DutyType[] duty = new DutyType[n];
        int next = 0;
        for (int s = 0; s < sections.size(); s++) {
            int size = headcounts[s];
            Unit section = sections.get(s);
            List<JobClass> classes = jobClasses(size, config.partTimeShare());
            DutyType[] duties = duties(size, section.dutyMix(), random);
            for (int i = 0; i < size; i++, next++) {
                unit[next] = section;
                jobClass[next] = classes.get(i);
                duty[next] = duties[i];
            }
        }

        // Ids are handed out in a shuffled order with random gaps, so an id says nothing about
        // the unit and two seeds give different staff ids.
        int[] order = shuffledIndices(n, random);
        int maxGap = Math.max(1, (SimulationConfig.MAX_STAFF - n) / n);
        List<DirectoryEntry> rows = new ArrayList<>(n);
        int id = 0;
        for (int k = 0; k < n; k++) {
            id += 1 + random.nextInt(maxGap);
            int i = order[k];
            double fte = jobClass[i] == JobClass.KAIKEI_NENDO ? config.partTimeFte() : 1.0;
            rows.add(new DirectoryEntry(String.format("E%06d", id), unit[i].code(), jobClass[i].label(),
                    duty[i], fte, config.firstDay()));
        }
        return rows;
    }

    /**
     * A section's job classes, most senior first: one 課長, a 課長補佐 from ten regular staff,
     * about one 係長 per seven, a quarter 主任, the rest 主事; part-timers as configured.
     */
    static List<JobClass> jobClasses(int size, double partTimeShare) {
        int partTimers = (int) Math.round(size * partTimeShare);
        int regular = size - partTimers;
        List<JobClass> classes = new ArrayList<>(size);
        add(classes, JobClass.KACHO, Math.min(regular, 1));
        add(classes, JobClass.KACHO_HOSA, regular >= 10 ? 1 : 0);
        int left = regular - classes.size();
        int kakaricho = Math.min(left, Math.max(regular >= 4 ? 1 : 0, Math.round(regular / 7f)));
        add(classes, JobClass.KAKARICHO, kakaricho);
        left -= kakaricho;
        int shunin = Math.min(left, Math.round(regular * 0.25f));
        add(classes, JobClass.SHUNIN, shunin);
        add(classes, JobClass.SHUJI, left - shunin);
        add(classes, JobClass.KAIKEI_NENDO, partTimers);
        return classes;
    }

    // Exact split by the mix (each type within one of its share), in random order over the staff.
    private static DutyType[] duties(int size, DutyMix mix, SplittableRandom random) {
        double[] shares = {mix.counter(), mix.field(), mix.internal()};
        int[] counts = Apportionment.largestRemainder(size, shares);
        DutyType[] duties = new DutyType[size];
        int next = 0;
        for (int t = 0; t < DUTIES.length; t++) {
            for (int c = 0; c < counts[t]; c++) {
                duties[next++] = DUTIES[t];
            }
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            DutyType swap = duties[i];
            duties[i] = duties[j];
            duties[j] = swap;
        }
        return duties;
    }

    private static int[] shuffledIndices(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static void add(List<JobClass> classes, JobClass jobClass, int count) {
        for (int i = 0; i < count; i++) {
            classes.add(jobClass);
        }
    }
}
