package org.mieruka.schemas.serde;

import java.lang.reflect.Method;
import org.apache.avro.SystemLimitException;

/**
 * Avro's own allocation limits, lowered to what Mieruka's records can hold. Avro allocates a
 * string, bytes or collection of whatever length a body claims before it finds the bytes missing;
 * its limits (system properties read once, when Avro first checks one) default to about 2 GiB, so
 * a corrupt record of fifty bytes could stall a consumer. They are set here unless the operator set
 * them. When they cannot take effect (the operator chose higher ones, or this Avro cannot be made
 * to read them again), the serdes check every body with {@link BodyBounds} instead, which costs
 * about a tenth of a decode.
 */
final class AvroLimits {

    /** Longest string: ids, names and messages are far shorter. */
    static final int MAX_STRING_BYTES = 1 << 20;
    /** Longest bytes value: a dead letter's payload, at most one request body of the collector. */
    static final int MAX_BYTES = 16 << 20;
    /** Most items in one collection: attributes, process steps, a pilot's org units. */
    static final int MAX_ITEMS = 100_000;

    /** True when Avro refuses any length above these limits. */
    static final boolean EFFECTIVE = install();

    private AvroLimits() {
    }

    private static boolean install() {
        setIfAbsent(SystemLimitException.MAX_STRING_LENGTH_PROPERTY, MAX_STRING_BYTES);
        setIfAbsent(SystemLimitException.MAX_BYTES_LENGTH_PROPERTY, MAX_BYTES);
        setIfAbsent(SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY, MAX_ITEMS);
        rereadLimits();
        return refuses(() -> SystemLimitException.checkMaxStringLength(MAX_STRING_BYTES + 1L))
                && refuses(() -> SystemLimitException.checkMaxBytesLength(MAX_BYTES + 1L))
                && refuses(() -> SystemLimitException.checkMaxCollectionLength(MAX_ITEMS + 1L));
    }

    /**
     * Avro reads the properties once, when it first checks a length, and something may have decoded
     * Avro before the first serde was made. {@code resetLimits} (package-private; Avro's own tests
     * use it) reads them again. If a later Avro lacks it, {@link #EFFECTIVE} says whether the limits
     * hold anyway, and the serdes fall back to {@link BodyBounds} when they do not.
     */
    private static void rereadLimits() {
        try {
            Method reset = SystemLimitException.class.getDeclaredMethod("resetLimits");
            reset.setAccessible(true);
            reset.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // keep whatever Avro read; EFFECTIVE tells
        }
    }

    private static void setIfAbsent(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }

    private static boolean refuses(Runnable check) {
        try {
            check.run();
            return false;
        } catch (SystemLimitException e) {
            return true;
        }
    }
}
