package org.mieruka.streams.workload;

/**
 * A 64-bit FNV-1a fingerprint of a record's fields, so the stage can tell whether a recomputed
 * record differs from the one it last emitted without keeping the record itself.
 */
final class Fingerprint {

    private long hash = 0xcbf29ce484222325L;

    Fingerprint add(String value) {
        if (value == null) {
            mix(0x1F);
            mix(0x00);
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            mix(c & 0xFF);
            mix(c >>> 8);
        }
        mix(0x1E); // field separator, so ("ab","c") and ("a","bc") differ
        return this;
    }

    Fingerprint add(long value) {
        for (int i = 0; i < 8; i++) {
            mix((int) (value >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    Fingerprint add(double value) {
        return add(Double.doubleToLongBits(value));
    }

    Fingerprint add(boolean value) {
        mix(value ? 1 : 2);
        return this;
    }

    long value() {
        return hash;
    }

    private void mix(int b) {
        hash ^= b;
        hash *= 0x100000001b3L;
    }
}
