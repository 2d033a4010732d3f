package org.mieruka.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.reference.DutyType;

class StaffRosterTest {

    private final OrgChart chart = OrgChart.standard();
    private final SimulationConfig config = SimulationConfig.defaults();

    @Test
    void shouldHireTheConfiguredStaffIntoStaffedUnitsWithUniqueIdsInOrder() {
        List<DirectoryEntry> staff = StaffRoster.hire(chart, config, new SplittableRandom(7));
        assertThat(staff).hasSize(3_000);
        assertThat(staff).extracting(DirectoryEntry::getEmployee)
                .allMatch(id -> id.matches("E\\d{6}")).doesNotHaveDuplicates().isSorted();
        assertThat(staff).allSatisfy(row -> {
            assertThat(chart.unit(row.getOrgUnit()).staffed()).isTrue();
            assertThat(row.getFte()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
            assertThat(row.getValidFrom()).isEqualTo(config.firstDay());
        });
    }

    @Test
    void shouldFollowEachSectionsDutyMixWithinOnePerson() {
        List<DirectoryEntry> staff = StaffRoster.hire(chart, config, new SplittableRandom(7));
        Map<String, List<DirectoryEntry>> bySection = staff.stream()
                .collect(Collectors.groupingBy(DirectoryEntry::getOrgUnit));
        assertThat(bySection).hasSameSizeAs(chart.sections());
        bySection.forEach((code, members) -> {
            DutyMix mix = chart.unit(code).dutyMix();
            for (DutyType type : List.of(DutyType.COUNTER, DutyType.FIELD, DutyType.INTERNAL)) {
                long count = members.stream().filter(m -> m.getDutyType() == type).count();
                assertThat((double) count).as("%s %s", code, type)
                        .isCloseTo(mix.share(type) * members.size(), org.assertj.core.data.Offset.offset(1.0));
            }
        });
    }

    @Test
    void shouldGiveEverySectionOneChiefAndPartTimersTheirFte() {
        List<DirectoryEntry> staff = StaffRoster.hire(chart, config, new SplittableRandom(7));
        Map<String, Long> chiefs = staff.stream().filter(s -> s.getJobClass().equals("課長"))
                .collect(Collectors.groupingBy(DirectoryEntry::getOrgUnit, Collectors.counting()));
        assertThat(chiefs).hasSameSizeAs(chart.sections()).allSatisfy((unit, count) -> assertThat(count).isOne());
        List<DirectoryEntry> partTimers = staff.stream()
                .filter(s -> s.getJobClass().equals("会計年度任用職員")).toList();
        assertThat(partTimers).allSatisfy(s -> assertThat(s.getFte()).isEqualTo(0.77));
        assertThat((double) partTimers.size() / staff.size()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.02));
        assertThat(staff).filteredOn(s -> !s.getJobClass().equals("会計年度任用職員"))
                .allSatisfy(s -> assertThat(s.getFte()).isEqualTo(1.0));
    }

    @Test
    void shouldBuildAPyramidOfJobClasses() {
        assertThat(StaffRoster.jobClasses(20, 0.25)).containsExactly(
                JobClass.KACHO, JobClass.KACHO_HOSA, JobClass.KAKARICHO, JobClass.KAKARICHO,
                JobClass.SHUNIN, JobClass.SHUNIN, JobClass.SHUNIN, JobClass.SHUNIN,
                JobClass.SHUJI, JobClass.SHUJI, JobClass.SHUJI, JobClass.SHUJI,
                JobClass.SHUJI, JobClass.SHUJI, JobClass.SHUJI,
                JobClass.KAIKEI_NENDO, JobClass.KAIKEI_NENDO, JobClass.KAIKEI_NENDO,
                JobClass.KAIKEI_NENDO, JobClass.KAIKEI_NENDO);
        assertThat(StaffRoster.jobClasses(1, 0.25)).containsExactly(JobClass.KACHO);
        assertThat(StaffRoster.jobClasses(0, 0.25)).isEmpty();
    }

    @Test
    void shouldHireOneHundredThousandStaffCorrectly() {
        SimulationConfig large = config.withStaffCount(100_000);
        long start = System.nanoTime();
        List<DirectoryEntry> staff = StaffRoster.hire(chart, large, new SplittableRandom(7));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("StaffRoster: 100,000 staff hired in %d ms%n", millis);
        assertThat(staff).hasSize(100_000);
        assertThat(staff).extracting(DirectoryEntry::getEmployee)
                .allMatch(id -> id.matches("E\\d{6}")).doesNotHaveDuplicates().isSorted();
        assertThat(staff).allSatisfy(row -> assertThat(chart.contains(row.getOrgUnit())).isTrue());
    }
}
