package org.mieruka.schemas.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.reference.CalendarDay;
import org.mieruka.schemas.reference.DayType;

class CityCalendarTest {

    private final CityCalendar standard = CityCalendar.standard();

    @Test
    void shouldTreatWeekdaysAsWorkingAndWeekendsHolidaysAndClosingAsNot() {
        assertThat(standard.isWorkingDay(LocalDate.of(2026, 4, 6))).isTrue();      // Monday
        assertThat(standard.isWorkingDay(LocalDate.of(2026, 4, 4))).isFalse();     // Saturday
        assertThat(standard.isWorkingDay(LocalDate.of(2026, 4, 5))).isFalse();     // Sunday
        assertThat(standard.isWorkingDay(LocalDate.of(2026, 5, 6))).isFalse();     // 振替休日
        assertThat(standard.isWorkingDay(LocalDate.of(2026, 9, 22))).isFalse();    // 国民の休日
        assertThat(standard.isWorkingDay(LocalDate.of(2026, 12, 29))).isFalse();   // 年末年始
        assertThat(standard.isWorkingDay(LocalDate.of(2027, 1, 4))).isTrue();      // 仕事始め
        assertThat(standard.isWorkingDay(LocalDate.of(2026, 12, 28))).isTrue();    // 仕事納め
    }

    @Test
    void shouldListTheYearEndClosingAsOneBlockKeepingNewYearsDaysName() {
        List<CalendarDay> entries = standard.entries(LocalDate.of(2026, 12, 27), LocalDate.of(2027, 1, 5));
        assertThat(entries).extracting(CalendarDay::getDate).containsExactly(
                LocalDate.of(2026, 12, 29), LocalDate.of(2026, 12, 30), LocalDate.of(2026, 12, 31),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 3));
        assertThat(entries).extracting(CalendarDay::getDayType).containsExactly(
                DayType.CITY_CLOSING, DayType.CITY_CLOSING, DayType.CITY_CLOSING,
                DayType.NATIONAL_HOLIDAY, DayType.CITY_CLOSING, DayType.CITY_CLOSING);
        assertThat(entries.get(3).getNameJa()).isEqualTo("元日");
        assertThat(entries).allMatch(CalendarDay::getNonWorking);
    }

    @Test
    void shouldLetAnExplicitEntryOpenASaturdayOrCloseAWeekday() {
        LocalDate electionSaturday = LocalDate.of(2026, 7, 11);
        LocalDate foundingDay = LocalDate.of(2026, 6, 1);
        CityCalendar calendar = new CityCalendar(List.of(ClosingPeriod.YEAR_END), List.of(
                new CalendarDay(electionSaturday, false, DayType.WORKING_EXCEPTION, "休日開庁", "Saturday opening"),
                new CalendarDay(foundingDay, true, DayType.OTHER, "市制記念日", "City Foundation Day")));
        assertThat(calendar.isWorkingDay(electionSaturday)).isTrue();
        assertThat(calendar.isWorkingDay(foundingDay)).isFalse();
        assertThat(calendar.entries(foundingDay, electionSaturday)).extracting(CalendarDay::getDate)
                .containsExactly(foundingDay, electionSaturday);
    }

    @Test
    void shouldHonourAConfiguredClosingPeriodInsteadOfTheDefault() {
        ClosingPeriod obon = new ClosingPeriod(MonthDay.of(8, 13), MonthDay.of(8, 14), "夏季閉庁", "Summer closing");
        CityCalendar calendar = new CityCalendar(List.of(obon), List.of());
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 8, 13))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 29))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 7, 20))).isFalse(); // 海の日 still holds
    }

    @Test
    void shouldCountTheWorkingDaysOfFiscal2026() {
        // Counted by hand: 261 weekdays in 2026-04-01..2027-03-31, minus 17 holidays on
        // weekdays (3/21/2027 is a Sunday, so 3/22 is 振替休日) and the closing days 12/29–12/31.
        long working = LocalDate.of(2026, 4, 1).datesUntil(LocalDate.of(2027, 4, 1))
                .filter(standard::isWorkingDay).count();
        assertThat(working).isEqualTo(241);
    }
}
