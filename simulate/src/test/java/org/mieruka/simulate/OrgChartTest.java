package org.mieruka.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.reference.OrgUnit;

class OrgChartTest {

    private final OrgChart chart = OrgChart.standard();

    @Test
    void shouldHaveAboutFortyUnitsWithUniqueCodesAndExistingParents() {
        List<OrgUnit> units = chart.orgUnits();
        Set<String> codes = units.stream().map(OrgUnit::getCode).collect(Collectors.toSet());
        assertThat(units).hasSizeBetween(35, 50);
        assertThat(codes).hasSameSizeAs(units);
        assertThat(units).allSatisfy(unit -> {
            assertThat(unit.getNameJa()).isNotBlank();
            assertThat(unit.getNameEn()).isNotBlank();
            if (unit.getParent() != null) {
                assertThat(codes).contains(unit.getParent());
            }
        });
    }

    @Test
    void shouldPutEverySectionUnderADepartmentWithoutStaff() {
        assertThat(chart.sections()).hasSizeGreaterThanOrEqualTo(30).allSatisfy(section -> {
            assertThat(section.parent()).isNotNull();
            Unit department = chart.unit(section.parent());
            assertThat(department.parent()).isNull();
            assertThat(department.staffed()).isFalse();
        });
        assertThat(chart.units()).extracting(Unit::nameJa)
                .contains("市民課", "福祉総務課", "資産税課", "道路管理課", "子育て支援課", "市民税課",
                        "国民健康保険課", "介護保険課", "障害福祉課", "生活福祉課", "環境政策課", "廃棄物対策課",
                        "都市計画課", "建築指導課", "下水道課", "教育総務課", "学校教育課", "人事課", "財政課",
                        "情報政策課", "総務課", "企画政策課", "議会事務局", "会計課", "防災危機管理課");
    }

    @Test
    void shouldMakeTheCitizensDivisionMostlyCounterWork() {
        DutyMix mix = chart.unit("shimin.shimin").dutyMix();
        assertThat(mix.counter()).isGreaterThan(mix.internal()).isGreaterThan(mix.field());
    }

    @Test
    void shouldRefuseAChartWithADuplicateCodeOrAMissingParent() {
        DutyMix mix = new DutyMix(0, 0, 1);
        assertThatThrownBy(() -> new OrgChart(List.of(
                new Unit("a", null, "甲", "A", mix, 1), new Unit("a", null, "乙", "B", mix, 1),
                new Unit("c", "nowhere", "丙", "C", mix, 1))))
                .hasMessageContaining("duplicate unit code a")
                .hasMessageContaining("c: parent nowhere");
    }
}
