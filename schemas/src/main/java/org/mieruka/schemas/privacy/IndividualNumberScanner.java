package org.mieruka.schemas.privacy;

/**
 * Finds Individual Numbers (マイナンバー) in a string, exactly by the rule of events.md ("What never
 * enters the pipeline"): twelve digits written as one run, or as 4+4+4 with the same separator
 * (space, U+3000, {@code -} or U+FF0D) twice, with no digit immediately before or after, whose last
 * digit is the check digit of the first eleven. Digits may be ASCII or full-width, mixed.
 *
 * <p>One pass over the characters, no regular expression: every event's every string goes through
 * here, so the cost must stay linear whatever a sender puts in a value.
 */
public final class IndividualNumberScanner {

    private static final int DIGITS = 12;
    private static final int GROUP = 4;

    private IndividualNumberScanner() {
    }

    /** Whether {@code value} contains an Individual Number; a value that is exactly a UUID is not scanned. */
    public static boolean contains(String value) {
        if (value == null || value.length() < DIGITS || CanonicalUuid.is(value)) {
            return false;
        }
        int length = value.length();
        int i = 0;
        while (i < length) {
            if (digit(value.charAt(i)) < 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && digit(value.charAt(i)) >= 0) {
                i++;
            }
            // [start, i) is a maximal run: no digit before start nor at i.
            int run = i - start;
            if (run == DIGITS && checkDigitHolds(value, start, 1)) {
                return true;
            }
            if (run == GROUP && groupedNumberAt(value, start)) {
                return true;
            }
        }
        return false;
    }

    /** 4 digits (known), separator, 4 digits, the same separator, 4 digits, then no digit. */
    private static boolean groupedNumberAt(String value, int start) {
        int end = start + 3 * GROUP + 2;
        if (end > value.length()) {
            return false;
        }
        char separator = value.charAt(start + GROUP);
        if (!separator(separator) || value.charAt(start + 2 * GROUP + 1) != separator) {
            return false;
        }
        for (int k = start + GROUP + 1; k < end; k++) {
            if (k == start + 2 * GROUP + 1) {
                continue;
            }
            if (digit(value.charAt(k)) < 0) {
                return false;
            }
        }
        if (end < value.length() && digit(value.charAt(end)) >= 0) {
            return false;
        }
        return checkDigitHolds(value, start, GROUP + 1);
    }

    /**
     * The contract's check: Pn is the n-th of the first eleven digits counted from the right,
     * Qn = n+1 for n = 1..6 and n-5 for n = 7..11, r = sum(Pn*Qn) mod 11, check = 0 if r <= 1 else 11-r.
     * {@code stride} is 1 for a plain run and 5 for the grouped form, whose separators sit after every
     * fourth digit.
     */
    private static boolean checkDigitHolds(String value, int start, int stride) {
        int[] digits = new int[DIGITS];
        int k = start;
        for (int d = 0; d < DIGITS; d++) {
            if (stride > 1 && d > 0 && d % GROUP == 0) {
                k++;
            }
            digits[d] = digit(value.charAt(k++));
        }
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = digits[11 - n];
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int r = sum % 11;
        int check = r <= 1 ? 0 : 11 - r;
        return digits[11] == check;
    }

    /** The digit's value for ASCII and full-width (U+FF10..U+FF19) digits, else -1. */
    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\uFF10' && c <= '\uFF19') {
            return c - '\uFF10';
        }
        return -1;
    }

    private static boolean separator(char c) {
        return c == ' ' || c == '\u3000' || c == '-' || c == '\uFF0D';
    }
}
