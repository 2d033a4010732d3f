package org.mieruka.schemas.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The expected lists are the holidays the Cabinet Office published (内閣府「国民の祝日について」),
 * written as "M/D type name" so a failure shows which day and why.
 */
class JapaneseHolidaysTest {

    @Test
    void shouldMatchPublishedHolidaysOf2019WithTheEnthronementDays() {
        assertThat(listed(2019)).containsExactly(
                "1/1 N 元日", "1/14 N 成人の日", "2/11 N 建国記念の日", "3/21 N 春分の日",
                "4/29 N 昭和の日", "4/30 C 国民の休日", "5/1 N 天皇の即位の日", "5/2 C 国民の休日",
                "5/3 N 憲法記念日", "5/4 N みどりの日", "5/5 N こどもの日", "5/6 S 振替休日",
                "7/15 N 海の日", "8/11 N 山の日", "8/12 S 振替休日", "9/16 N 敬老の日",
                "9/23 N 秋分の日", "10/14 N 体育の日", "10/22 N 即位礼正殿の儀の行われる日",
                "11/3 N 文化の日", "11/4 S 振替休日", "11/23 N 勤労感謝の日");
    }

    @Test
    void shouldMatchPublishedHolidaysOf2020WithTheOlympicMoves() {
        assertThat(listed(2020)).containsExactly(
                "1/1 N 元日", "1/13 N 成人の日", "2/11 N 建国記念の日", "2/23 N 天皇誕生日",
                "2/24 S 振替休日", "3/20 N 春分の日", "4/29 N 昭和の日", "5/3 N 憲法記念日",
                "5/4 N みどりの日", "5/5 N こどもの日", "5/6 S 振替休日", "7/23 N 海の日",
                "7/24 N スポーツの日", "8/10 N 山の日", "9/21 N 敬老の日", "9/22 N 秋分の日",
                "11/3 N 文化の日", "11/23 N 勤労感謝の日");
    }

    @Test
    void shouldMatchPublishedHolidaysOf2021WithTheOlympicMoves() {
        assertThat(listed(2021)).containsExactly(
                "1/1 N 元日", "1/11 N 成人の日", "2/11 N 建国記念の日", "2/23 N 天皇誕生日",
                "3/20 N 春分の日", "4/29 N 昭和の日", "5/3 N 憲法記念日", "5/4 N みどりの日",
                "5/5 N こどもの日", "7/22 N 海の日", "7/23 N スポーツの日", "8/8 N 山の日",
                "8/9 S 振替休日", "9/20 N 敬老の日", "9/23 N 秋分の日", "11/3 N 文化の日",
                "11/23 N 勤労感謝の日");
    }

    @Test
    void shouldMatchPublishedHolidaysOf2024() {
        assertThat(listed(2024)).containsExactly(
                "1/1 N 元日", "1/8 N 成人の日", "2/11 N 建国記念の日", "2/12 S 振替休日",
                "2/23 N 天皇誕生日", "3/20 N 春分の日", "4/29 N 昭和の日", "5/3 N 憲法記念日",
                "5/4 N みどりの日", "5/5 N こどもの日", "5/6 S 振替休日", "7/15 N 海の日",
                "8/11 N 山の日", "8/12 S 振替休日", "9/16 N 敬老の日", "9/22 N 秋分の日",
                "9/23 S 振替休日", "10/14 N スポーツの日", "11/3 N 文化の日", "11/4 S 振替休日",
                "11/23 N 勤労感謝の日");
    }

    @Test
    void shouldMatchPublishedHolidaysOf2025() {
        assertThat(listed(2025)).containsExactly(
                "1/1 N 元日", "1/13 N 成人の日", "2/11 N 建国記念の日", "2/23 N 天皇誕生日",
                "2/24 S 振替休日", "3/20 N 春分の日", "4/29 N 昭和の日", "5/3 N 憲法記念日",
                "5/4 N みどりの日", "5/5 N こどもの日", "5/6 S 振替休日", "7/21 N 海の日",
                "8/11 N 山の日", "9/15 N 敬老の日", "9/23 N 秋分の日", "10/13 N スポーツの日",
                "11/3 N 文化の日", "11/23 N 勤労感謝の日", "11/24 S 振替休日");
    }

    @Test
    void shouldMatchPublishedHolidaysOf2026WithACitizensHolidayInSeptember() {
        assertThat(listed(2026)).containsExactly(
                "1/1 N 元日", "1/12 N 成人の日", "2/11 N 建国記念の日", "2/23 N 天皇誕生日",
                "3/20 N 春分の日", "4/29 N 昭和の日", "5/3 N 憲法記念日", "5/4 N みどりの日",
                "5/5 N こどもの日", "5/6 S 振替休日", "7/20 N 海の日", "8/11 N 山の日",
                "9/21 N 敬老の日", "9/22 C 国民の休日", "9/23 N 秋分の日", "10/12 N スポーツの日",
                "11/3 N 文化の日", "11/23 N 勤労感謝の日");
    }

    @Test
    void shouldGiveEquinoxDaysOfThePublishedAlmanacs() {
        // Days as the National Astronomical Observatory announced or forecast them.
        assertThat(JapaneseHolidays.vernalEquinoxDay(2023)).isEqualTo(21);
        assertThat(JapaneseHolidays.autumnalEquinoxDay(2012)).isEqualTo(22);
        assertThat(JapaneseHolidays.autumnalEquinoxDay(2023)).isEqualTo(23);
        assertThat(JapaneseHolidays.autumnalEquinoxDay(2044)).isEqualTo(22);
    }

    @Test
    void shouldNameTheEmperorsBirthdayByTheReign() {
        assertThat(listed(2018)).contains("12/23 N 天皇誕生日", "12/24 S 振替休日");
        assertThat(listed(2019)).noneMatch(s -> s.contains("天皇誕生日"));
        assertThat(listed(2006)).contains("4/29 N みどりの日", "5/4 C 国民の休日");
    }

    @Test
    void shouldListEveryYearInOrderWithoutDuplicates() {
        for (int year = JapaneseHolidays.FIRST_YEAR; year <= JapaneseHolidays.LAST_YEAR; year++) {
            int y = year;
            List<LocalDate> dates = JapaneseHolidays.of(year).stream().map(Holiday::date).toList();
            assertThat(dates).as("year %d", year).isSorted().doesNotHaveDuplicates()
                    .allMatch(d -> d.getYear() == y).hasSizeBetween(15, 24);
        }
    }

    @Test
    void shouldRefuseYearsOutsideTheFormulasRange() {
        assertThatThrownBy(() -> JapaneseHolidays.of(1999)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JapaneseHolidays.of(2100)).isInstanceOf(IllegalArgumentException.class);
    }

    // "M/D T name" with T the first letter of the day type: N(ational), S(ubstitute), C(itizens).
    private static List<String> listed(int year) {
        return JapaneseHolidays.of(year).stream()
                .map(h -> h.date().getMonthValue() + "/" + h.date().getDayOfMonth() + " "
                        + h.type().name().charAt(0) + " " + h.nameJa())
                .collect(Collectors.toList());
    }
}
