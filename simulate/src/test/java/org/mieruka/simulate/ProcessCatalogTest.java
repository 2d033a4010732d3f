package org.mieruka.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.reference.PersonalDataLevel;
import org.mieruka.schemas.reference.ProcessDefinition;
import org.mieruka.schemas.reference.ProcessStep;
import org.mieruka.schemas.reference.TeleworkEligibility;

class ProcessCatalogTest {

    private final OrgChart chart = OrgChart.standard();
    private final ProcessCatalog catalog = ProcessCatalog.standard(chart);

    @Test
    void shouldHaveAboutSixtyProcessesEachWithThreeToSevenUniqueSteps() {
        List<ProcessDefinition> definitions = catalog.definitions();
        assertThat(definitions).hasSizeBetween(55, 75);
        assertThat(definitions.stream().map(ProcessDefinition::getProcessCode).distinct()).hasSameSizeAs(definitions);
        assertThat(definitions).allSatisfy(process -> {
            Set<String> steps = process.getSteps().stream().map(ProcessStep::getCode).collect(Collectors.toSet());
            assertThat(steps).as(process.getProcessCode()).hasSizeBetween(3, 7).hasSameSizeAs(process.getSteps());
        });
    }

    @Test
    void shouldOwnEveryProcessByStaffedUnitsAndTimeEveryStep() {
        assertThat(catalog.processes()).allSatisfy(process -> {
            assertThat(process.owners()).isNotEmpty()
                    .allSatisfy(owner -> assertThat(chart.unit(owner).staffed()).isTrue());
            assertThat(process.steps()).allSatisfy(step -> assertThat(step.typicalMinutes()).isPositive());
        });
    }

    @Test
    void shouldKeepCounterProcessesInTheOfficeAndCertificatesAtMyNumberLevel() {
        assertThat(catalog.processes()).filteredOn(p -> p.category().startsWith("窓口"))
                .isNotEmpty().allSatisfy(p -> assertThat(p.telework()).isEqualTo(TeleworkEligibility.NO));
        assertThat(catalog.process("JUMINHYO").personalData()).isEqualTo(PersonalDataLevel.MY_NUMBER);
        assertThat(catalog.process("KOJIN_JUMINZEI").personalData()).isEqualTo(PersonalDataLevel.MY_NUMBER);
        assertThat(catalog.process("KAIGIROKU").telework()).isEqualTo(TeleworkEligibility.YES);
        assertThat(catalog.processes()).extracting(CatalogProcess::telework)
                .contains(TeleworkEligibility.YES, TeleworkEligibility.PARTIAL, TeleworkEligibility.NO);
    }

    @Test
    void shouldRefuseAProcessOwnedByAnUnknownUnit() {
        TimedStep step = new TimedStep("A", "甲", "A", 1);
        CatalogProcess process = new CatalogProcess("X", "試験", "Test", "内部管理 / internal",
                List.of(step, new TimedStep("B", "乙", "B", 1), new TimedStep("C", "丙", "C", 1)),
                TeleworkEligibility.YES, PersonalDataLevel.NONE, List.of("nowhere"));
        assertThatThrownBy(() -> new ProcessCatalog(List.of(process), chart))
                .hasMessageContaining("X: owner nowhere");
    }

    @Test
    void shouldRefuseRepeatedStepCodes() {
        TimedStep step = new TimedStep("A", "甲", "A", 1);
        assertThatThrownBy(() -> new CatalogProcess("X", "試験", "Test", "c", List.of(step, step, step),
                TeleworkEligibility.YES, PersonalDataLevel.NONE, List.of("somu.somu")))
                .hasMessageContaining("step codes repeat");
    }
}
