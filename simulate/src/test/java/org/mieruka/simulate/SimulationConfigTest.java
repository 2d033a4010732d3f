package org.mieruka.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.calendar.ClosingPeriod;
import org.mieruka.schemas.config.InvalidConfigException;

class SimulationConfigTest {

    @Test
    void shouldDefaultToAThreeThousandStaffCityOverTwoFiscalYears() {
        SimulationConfig config = SimulationConfig.defaults();
        assertThat(config.staffCount()).isEqualTo(3_000);
        assertThat(config.firstDay()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(config.lastDay()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(config.closingPeriods()).containsExactly(ClosingPeriod.YEAR_END);
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        assertThatThrownBy(() -> new SimulationConfig(1, 0, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 1),
                1.5, 0, List.of(new PersonnelChange(LocalDate.of(2030, 4, 1), 2)), List.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "staffCount 0 outside 1..999999",
                        "lastDay 2026-03-01 is before firstDay 2026-04-01",
                        "partTimeShare 1.5 outside [0, 1)",
                        "partTimeFte 0.0 outside (0, 1]",
                        "personnel change 2030-04-01 outside (firstDay, lastDay]",
                        "personnel change 2030-04-01: share 2.0 outside [0, 1]"));
    }
}
