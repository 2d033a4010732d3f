package org.mieruka.schemas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IndividualNumberScannerTest {

    /** Weights of the first eleven digits read left to right (written from the contract independently). */
    private static final int[] WEIGHTS = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    static int checkDigit(String eleven) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += Character.getNumericValue(eleven.charAt(i)) * WEIGHTS[i];
        }
        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }

    static String valid(String eleven) {
        return eleven + checkDigit(eleven);
    }

    static String wrong(String eleven) {
        return eleven + (checkDigit(eleven) + 1) % 10;
    }

    static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) (c - '0' + '\uFF10') : c);
        }
        return out.toString();
    }

    static String grouped(String twelve, String separator) {
        return twelve.substring(0, 4) + separator + twelve.substring(4, 8) + separator + twelve.substring(8);
    }

    @Test
    void shouldAgreeWithTheWellKnownExample() {
        assertThat(valid("12345678901")).isEqualTo("123456789018");
        assertThat(IndividualNumberScanner.contains("123456789018")).isTrue();
        assertThat(IndividualNumberScanner.contains("123456789017")).isFalse();
    }

    @Test
    void shouldFindANumberWrittenStraightAfterLettersOrKanji() {
        String number = valid("98765432109");
        assertThat(IndividualNumberScanner.contains("個人番号" + number)).isTrue();
        assertThat(IndividualNumberScanner.contains("no" + number + "abc")).isTrue();
        assertThat(IndividualNumberScanner.contains("番号：" + number + "です")).isTrue();
    }

    @Test
    void shouldFindFullWidthAndMixedDigits() {
        String number = valid("31415926535");
        assertThat(IndividualNumberScanner.contains(fullWidth(number))).isTrue();
        String mixed = fullWidth(number.substring(0, 6)) + number.substring(6);
        assertThat(IndividualNumberScanner.contains("個人番号" + mixed)).isTrue();
        assertThat(IndividualNumberScanner.contains(fullWidth(wrong("31415926535")))).isFalse();
    }

    @Test
    void shouldFindTheGroupedFormWithEachSeparator() {
        String number = valid("27182818284");
        for (String separator : new String[] {" ", "\u3000", "-", "\uFF0D"}) {
            assertThat(IndividualNumberScanner.contains("番号 " + grouped(number, separator) + " です"))
                    .as("separator U+%04X", (int) separator.charAt(0)).isTrue();
            assertThat(IndividualNumberScanner.contains(fullWidth(grouped(number, separator)))).isTrue();
            assertThat(IndividualNumberScanner.contains(grouped(wrong("27182818284"), separator))).isFalse();
        }
    }

    @Test
    void shouldNotFindTheGroupedFormWithMismatchedOrOtherSeparators() {
        String number = valid("27182818284");
        String mismatched = number.substring(0, 4) + "-" + number.substring(4, 8) + " " + number.substring(8);
        assertThat(IndividualNumberScanner.contains(mismatched)).isFalse();
        String fullAndAscii = number.substring(0, 4) + "\uFF0D" + number.substring(4, 8) + "-" + number.substring(8);
        assertThat(IndividualNumberScanner.contains(fullAndAscii)).isFalse();
        assertThat(IndividualNumberScanner.contains(grouped(number, "/"))).isFalse();
        assertThat(IndividualNumberScanner.contains(grouped(number, "--"))).isFalse();
    }

    @Test
    void shouldNotFindTwelveDigitsThatTouchAnotherDigit() {
        String number = valid("11122233344");
        assertThat(IndividualNumberScanner.contains("1" + number)).isFalse();
        assertThat(IndividualNumberScanner.contains(number + "0")).isFalse();
        assertThat(IndividualNumberScanner.contains(fullWidth("1") + number)).isFalse();
        assertThat(IndividualNumberScanner.contains("5" + grouped(number, "-"))).isFalse();
        assertThat(IndividualNumberScanner.contains(grouped(number, "-") + "\uFF15")).isFalse();
        // Separated by a non-digit, the number stands on its own again.
        assertThat(IndividualNumberScanner.contains("1-" + number + "-0")).isTrue();
        assertThat(IndividualNumberScanner.contains("1a" + grouped(number, " ") + "b0")).isTrue();
    }

    @Test
    void shouldNotTakeAThirteenDigitCorporateNumberForAnIndividualNumber() {
        // A corporate number is 13 digits; whatever its last 12 digits, the run is not 12 long.
        String number = valid("70000123456");
        assertThat(IndividualNumberScanner.contains("法人番号" + "1" + number)).isFalse();
        assertThat(IndividualNumberScanner.contains("8" + number + " supplier")).isFalse();
    }

    @Test
    void shouldNotFindShorterOrBrokenRuns() {
        assertThat(IndividualNumberScanner.contains("")).isFalse();
        assertThat(IndividualNumberScanner.contains(null)).isFalse();
        assertThat(IndividualNumberScanner.contains("12345678901")).isFalse();
        assertThat(IndividualNumberScanner.contains("1234-5678-901")).isFalse();
        assertThat(IndividualNumberScanner.contains("123-45678-9018")).isFalse();
    }

    @Test
    void shouldNotScanAValueThatIsExactlyACanonicalUuid() {
        String number = valid("55566677788");
        String uuid = "0e5f1a2b-1234-4abc-8def-" + number;
        assertThat(IndividualNumberScanner.contains(uuid)).isFalse();
        assertThat(IndividualNumberScanner.contains(uuid.toUpperCase())).isFalse();
        // Anything around the UUID makes it an ordinary value again.
        assertThat(IndividualNumberScanner.contains("case " + uuid)).isTrue();
        assertThat(IndividualNumberScanner.contains("0e5f1a2b-1234-4abc-8def-x" + number.substring(1))).isFalse();
        assertThat(IndividualNumberScanner.contains("0e5f1a2b_1234-4abc-8def-" + number)).isTrue();
    }

    @Test
    void shouldAgreeWithAnIndependentCheckDigitOnManyRandomPrefixes() {
        SplittableRandom random = new SplittableRandom(20260406L);
        String[] separators = {" ", "\u3000", "-", "\uFF0D"};
        for (int trial = 0; trial < 20_000; trial++) {
            StringBuilder prefix = new StringBuilder();
            for (int d = 0; d < 11; d++) {
                prefix.append((char) ('0' + random.nextInt(10)));
            }
            String eleven = prefix.toString();
            int expected = checkDigit(eleven);
            int last = random.nextInt(10);
            String twelve = eleven + last;
            boolean isNumber = last == expected;
            String written = random.nextBoolean() ? twelve : grouped(twelve, separators[random.nextInt(4)]);
            if (random.nextBoolean()) {
                written = fullWidth(written);
            }
            assertThat(IndividualNumberScanner.contains("x" + written + "y")).as(written).isEqualTo(isNumber);
            assertThat(IndividualNumberScanner.contains(eleven + expected)).isTrue();
        }
    }

    @Test
    void shouldScanALongValueInLinearTime() {
        String worst = "1234-5678-".repeat(200_000) + "1234 1234 1234 ".repeat(100_000);
        long started = System.nanoTime();
        IndividualNumberScanner.contains(worst);
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }
}
