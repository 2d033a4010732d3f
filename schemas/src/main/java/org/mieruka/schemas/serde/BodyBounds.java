package org.mieruka.schemas.serde;

import org.apache.avro.Schema;

/**
 * Walks an Avro binary body along its writer schema without building anything, and refuses it
 * when a length, count or union branch cannot be right for the bytes that are there. Avro itself
 * allocates a string, bytes or collection of whatever length the bytes claim before it finds out
 * they are missing, so one corrupt record of fifty bytes could ask for gigabytes and stall a
 * consumer; this check runs first so that corrupt input costs no more than its own size.
 */
final class BodyBounds {

    /** Most items accepted in one block of a collection whose items may take no bytes at all. */
    private static final long MAX_EMPTY_ITEMS = 1 << 16;

    private final byte[] bytes;
    private int position;

    private BodyBounds(byte[] bytes, int offset) {
        this.bytes = bytes;
        this.position = offset;
    }

    /** Throws {@link OutOfBounds} naming the first impossible length found in {@code bytes[offset..]}. */
    static void check(Schema writer, byte[] bytes, int offset) {
        new BodyBounds(bytes, offset).walk(writer);
    }

    /** A body whose lengths do not fit its bytes. */
    static final class OutOfBounds extends RuntimeException {
        OutOfBounds(String message) {
            super(message, null, false, false);
        }
    }

    private void walk(Schema schema) {
        switch (schema.getType()) {
            case NULL -> { }
            case BOOLEAN -> advance(1, "boolean");
            case INT, LONG, ENUM -> varLong();
            case FLOAT -> advance(4, "float");
            case DOUBLE -> advance(8, "double");
            case FIXED -> advance(schema.getFixedSize(), "fixed " + schema.getName());
            case STRING, BYTES -> {
                long length = varLong();
                if (length < 0) {
                    throw new OutOfBounds("negative " + schema.getType().getName() + " length at byte " + position);
                }
                advance(length, schema.getType().getName());
            }
            case UNION -> {
                long branch = varLong();
                if (branch < 0 || branch >= schema.getTypes().size()) {
                    throw new OutOfBounds("union branch " + branch + " of " + schema.getTypes().size()
                            + " at byte " + position);
                }
                walk(schema.getTypes().get((int) branch));
            }
            case RECORD -> schema.getFields().forEach(field -> walk(field.schema()));
            case ARRAY -> blocks(null, schema.getElementType());
            case MAP -> blocks(Schema.create(Schema.Type.STRING), schema.getValueType());
        }
    }

    private void blocks(Schema key, Schema item) {
        boolean itemsTakeBytes = key != null || minimumSize(item) > 0;
        while (true) {
            long count = varLong();
            if (count == 0) {
                return;
            }
            if (count < 0) {
                count = -count;
                varLong(); // the block's size in bytes, which a reader may use to skip it
            }
            long limit = itemsTakeBytes ? remaining() : MAX_EMPTY_ITEMS;
            if (count < 0 || count > limit) {
                throw new OutOfBounds("collection of " + count + " items with " + remaining()
                        + " bytes left at byte " + position);
            }
            for (long i = 0; i < count; i++) {
                if (key != null) {
                    walk(key);
                }
                walk(item);
            }
        }
    }

    private static int minimumSize(Schema schema) {
        return switch (schema.getType()) {
            case NULL -> 0;
            case FLOAT -> 4;
            case DOUBLE -> 8;
            case FIXED -> schema.getFixedSize();
            case RECORD -> schema.getFields().stream().mapToInt(f -> minimumSize(f.schema())).sum();
            default -> 1; // a varint, a length, a branch index or a block count
        };
    }

    private long remaining() {
        return bytes.length - (long) position;
    }

    private void advance(long length, String what) {
        if (length > remaining()) {
            throw new OutOfBounds(what + " of " + length + " bytes with " + remaining() + " left at byte " + position);
        }
        position += (int) length;
    }

    /** A zig-zag varint as Avro writes int and long; at most ten bytes. */
    private long varLong() {
        long raw = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (position >= bytes.length) {
                throw new OutOfBounds("number cut off at byte " + position);
            }
            int b = bytes[position++] & 0xFF;
            raw |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new OutOfBounds("number longer than ten bytes at byte " + position);
    }
}
