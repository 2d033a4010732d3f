package org.mieruka.schemas.privacy;

/**
 * A value that is exactly a canonical UUID (8-4-4-4-12 hex digits) is an identifier, not data:
 * events.md exempts it from the Individual Number scan, since a UUID's digit groups could otherwise
 * look like a number by chance.
 */
final class CanonicalUuid {

    private CanonicalUuid() {
    }

    static boolean is(String value) {
        if (value.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = value.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !hex(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
