package org.mieruka.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.reference.DutyType;

class PersonnelChangesTest {

    private final OrgChart chart = OrgChart.standard();
    private final SimulationConfig config = SimulationConfig.defaults().withStaffCount(20_000);
    private final List<DirectoryEntry> hired = StaffRoster.hire(chart, config, new SplittableRandom(3));
    private final List<DirectoryEntry> moves = PersonnelChanges.apply(hired, chart, config, new SplittableRandom(4));

    @Test
    void shouldMoveAboutTheConfiguredShareOfRegularStaffOnEachDay() {
        long regular = hired.stream().filter(s -> !s.getJobClass().equals("会計年度任用職員")).count();
        for (PersonnelChange change : config.personnelChanges()) {
            long moved = moves.stream().filter(m -> m.getValidFrom().equals(change.date())).count();
            assertThat((double) moved / regular).as(change.date().toString()).isCloseTo(change.share(), offset(0.01));
        }
        assertThat(moves).noneMatch(m -> m.getJobClass().equals("会計年度任用職員"));
    }

    @Test
    void shouldMoveEveryoneToAnotherSectionKeepingJobClassAndFte() {
        Map<String, DirectoryEntry> latest = new HashMap<>();
        hired.forEach(s -> latest.put(s.getEmployee(), s));
        LocalDate previousDay = LocalDate.MIN;
        for (DirectoryEntry move : moves) {
            assertThat(move.getValidFrom()).isAfterOrEqualTo(previousDay);
            previousDay = move.getValidFrom();
            DirectoryEntry before = latest.put(move.getEmployee(), move);
            assertThat(before).isNotNull();
            assertThat(move.getOrgUnit()).isNotEqualTo(before.getOrgUnit());
            assertThat(chart.unit(move.getOrgUnit()).staffed()).isTrue();
            assertThat(move.getJobClass()).isEqualTo(before.getJobClass());
            assertThat(move.getFte()).isEqualTo(before.getFte());
        }
    }

    @Test
    void shouldDrawTheNewDutyFromTheNewSectionsMix() {
        // Over all moves, the share of each duty matches the mixes weighted by where people went.
        Map<DutyType, Double> expected = new HashMap<>();
        Map<DutyType, Long> actual = new HashMap<>();
        for (DirectoryEntry move : moves) {
            DutyMix mix = chart.unit(move.getOrgUnit()).dutyMix();
            for (DutyType type : List.of(DutyType.COUNTER, DutyType.FIELD, DutyType.INTERNAL)) {
                expected.merge(type, mix.share(type), Double::sum);
            }
            actual.merge(move.getDutyType(), 1L, Long::sum);
        }
        expected.forEach((type, count) -> assertThat((double) actual.getOrDefault(type, 0L))
                .as(type.name()).isCloseTo(count, offset(Math.max(30, 0.05 * count))));
    }
}
