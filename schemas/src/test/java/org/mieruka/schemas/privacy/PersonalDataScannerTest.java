package org.mieruka.schemas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PersonalDataScannerTest {

    @Test
    void shouldFindEmailAddressesByDefault() {
        PersonalDataScanner scanner = PersonalDataScanner.defaults();
        assertThat(scanner.find("taro.yamada@city.example.lg.jp")).contains("email");
        assertThat(scanner.find("連絡先 hanako+pilot@example.jp まで")).contains("email");
        assertThat(scanner.find("docs-m365")).isEmpty();
        assertThat(scanner.find("user@localhost")).isEmpty();
        assertThat(scanner.find("")).isEmpty();
    }

    @Test
    void shouldNameTheFirstConfiguredPatternThatMatches() {
        PersonalDataScanner scanner = new PersonalDataScanner(List.of(
                new PersonalDataPattern("phone", Pattern.compile("0\\d{1,4}-\\d{1,4}-\\d{4}")),
                PersonalDataPattern.EMAIL));
        assertThat(scanner.find("tel 03-1234-5678")).contains("phone");
        assertThat(scanner.find("a@b.jp 03-1234-5678")).contains("phone");
        assertThat(scanner.find("a@b.jp")).contains("email");
    }

    @Test
    void shouldScanALongValueWithoutAnAddressQuickly() {
        String worst = "a.".repeat(500_000) + "@";
        long started = System.nanoTime();
        assertThat(PersonalDataScanner.defaults().find(worst)).isEmpty();
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }
}
