package org.mieruka.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mieruka.schemas.reference.CalendarDay;
import org.mieruka.schemas.reference.DirectoryEntry;

class MunicipalityTest {

    @TempDir
    Path temp;

    @Test
    void shouldListTheHiredStaffThenTheirMovesWithEveryUnitInTheChart() {
        Municipality city = Municipality.generate(SimulationConfig.defaults());
        assertThat(city.directory().subList(0, 3_000))
                .allMatch(row -> row.getValidFrom().equals(LocalDate.of(2025, 4, 1)));
        assertThat(city.directory().subList(3_000, city.directory().size())).isNotEmpty()
                .allMatch(row -> row.getValidFrom().isAfter(LocalDate.of(2025, 4, 1)));
        assertThat(city.directory()).extracting(DirectoryEntry::getOrgUnit)
                .allMatch(code -> city.orgChart().contains(code));
    }

    @Test
    void shouldListTheCalendarOfThePeriodOnly() {
        Municipality city = Municipality.generate(SimulationConfig.defaults());
        assertThat(city.calendarDays()).extracting(CalendarDay::getDate)
                .isSorted()
                .allMatch(d -> !d.isBefore(LocalDate.of(2025, 4, 1)) && !d.isAfter(LocalDate.of(2027, 3, 31)))
                .contains(LocalDate.of(2025, 4, 29), LocalDate.of(2026, 12, 29), LocalDate.of(2027, 3, 22));
        assertThat(city.calendar().isWorkingDay(LocalDate.of(2026, 4, 1))).isTrue();
    }

    @Test
    void shouldGenerateAndWriteOneHundredThousandStaff() throws IOException {
        long start = System.nanoTime();
        Municipality city = Municipality.generate(SimulationConfig.defaults().withStaffCount(100_000));
        long generated = System.nanoTime();
        ReferenceDataWriter.write(city, temp);
        long written = System.nanoTime();
        System.out.printf("Municipality: 100,000 staff, %d directory rows generated in %d ms, written in %d ms%n",
                city.directory().size(), (generated - start) / 1_000_000, (written - generated) / 1_000_000);
        assertThat(city.directory().stream().map(DirectoryEntry::getEmployee).distinct().count()).isEqualTo(100_000);
        try (var lines = Files.lines(temp.resolve(ReferenceDataWriter.DIRECTORY))) {
            assertThat(lines.count()).isEqualTo(city.directory().size());
        }
    }
}
