package org.mieruka.schemas.serde;

import org.apache.avro.SystemLimitException;

/**
 * Avro's own allocation limits, lowered to what Mieruka's records can hold. Avro allocates a
 * string, bytes or collection of whatever length a body claims before it finds the bytes missing;
 * its limits (system properties read once, when Avro first checks one) default to about 2 GiB, so
 * a corrupt record of fifty bytes could stall a consumer. They are set here unless the operator set
 * them. When Avro had already read other values, or the operator chose higher ones, the serdes
 * check every body with {@link BodyBounds} instead, which costs about a tenth of a decode.
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
        return refuses(() -> SystemLimitException.checkMaxStringLength(MAX_STRING_BYTES + 1L))
                && refuses(() -> SystemLimitException.checkMaxBytesLength(MAX_BYTES + 1L))
                && refuses(() -> SystemLimitException.checkMaxCollectionLength(MAX_ITEMS + 1L));
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
