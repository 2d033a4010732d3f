package org.mieruka.schemas.serde;

import org.apache.avro.Schema;

/**
 * Walks an Avro binary body along its writer schema without building anything, and refuses it
 * when a length, count or union branch cannot be right for the bytes that are there. Avro itself
 * allocates a string, bytes or collection of whatever length the bytes claim before it finds out
 * they are missing, so one corrupt record of fifty bytes could ask for gigabytes and stall a
 * consumer; this check runs first so that corrupt input costs no more than its own size.
 *
 * <p>The schema is compiled once into a tree of small nodes, because the check runs on every
 * record a consumer reads (docs/benchmarks.md). Instances are immutable and thread safe.
 */
final class BodyBounds {

    /** Most items accepted in one block of a collection whose items may take no bytes at all. */
    private static final long MAX_EMPTY_ITEMS = 1 << 16;

    private static final int NOTHING = 0;
    private static final int FIXED = 1;
    private static final int VARINT = 2;
    private static final int LENGTH_PREFIXED = 3;
    private static final int UNION = 4;
    private static final int RECORD = 5;
    private static final int ARRAY = 6;
    private static final int MAP = 7;

    private final int op;
    /** FIXED: its size. */
    private final int size;
    /** UNION: the branches; RECORD: the fields; ARRAY and MAP: the item. */
    private final BodyBounds[] children;
    /** ARRAY: whether every item takes at least one byte, so a count is bounded by the bytes left. */
    private final boolean itemsTakeBytes;

    private BodyBounds(int op, int size, BodyBounds[] children, boolean itemsTakeBytes) {
        this.op = op;
        this.size = size;
        this.children = children;
        this.itemsTakeBytes = itemsTakeBytes;
    }

    /** The check for bodies written with {@code writer}. */
    static BodyBounds of(Schema writer) {
        return switch (writer.getType()) {
            case NULL -> new BodyBounds(NOTHING, 0, null, false);
            case BOOLEAN -> new BodyBounds(FIXED, 1, null, false);
            case FLOAT -> new BodyBounds(FIXED, 4, null, false);
            case DOUBLE -> new BodyBounds(FIXED, 8, null, false);
            case FIXED -> new BodyBounds(FIXED, writer.getFixedSize(), null, false);
            case INT, LONG, ENUM -> new BodyBounds(VARINT, 0, null, false);
            case STRING, BYTES -> new BodyBounds(LENGTH_PREFIXED, 0, null, false);
            case UNION -> new BodyBounds(UNION, 0, writer.getTypes().stream().map(BodyBounds::of)
                    .toArray(BodyBounds[]::new), false);
            case RECORD -> new BodyBounds(RECORD, 0, writer.getFields().stream().map(f -> of(f.schema()))
                    .toArray(BodyBounds[]::new), false);
            case ARRAY -> new BodyBounds(ARRAY, 0, new BodyBounds[] {of(writer.getElementType())},
                    minimumSize(writer.getElementType()) > 0);
            case MAP -> new BodyBounds(MAP, 0, new BodyBounds[] {of(writer.getValueType())}, true);
        };
    }

    /** A body whose lengths do not fit its bytes. */
    static final class OutOfBounds extends RuntimeException {
        OutOfBounds(String message) {
            super(message, null, false, false);
        }
    }

    /** Throws {@link OutOfBounds} naming the first impossible length found in {@code bytes[offset..]}. */
    void check(byte[] bytes, int offset) {
        walk(bytes, offset);
    }

    /**
     * Checks one value starting at {@code at} and returns the position after it: positions rather
     * than a cursor object, so that the walk allocates nothing.
     */
    private int walk(byte[] bytes, int at) {
        switch (op) {
            case NOTHING:
                return at;
            case FIXED:
                return skip(bytes, at, size);
            case VARINT:
                return endOfVarint(bytes, at);
            case LENGTH_PREFIXED:
                return skip(bytes, endOfVarint(bytes, at), varint(bytes, at));
            case UNION: {
                long branch = varint(bytes, at);
                if (branch < 0 || branch >= children.length) {
                    throw new OutOfBounds("union branch " + branch + " of " + children.length + " at byte " + at);
                }
                return children[(int) branch].walk(bytes, endOfVarint(bytes, at));
            }
            case RECORD: {
                int position = at;
                for (BodyBounds field : children) {
                    position = field.walk(bytes, position);
                }
                return position;
            }
            case ARRAY:
            case MAP:
                return blocks(bytes, at);
            default:
                throw new IllegalStateException("unknown op " + op);
        }
    }

    private int blocks(byte[] bytes, int at) {
        BodyBounds item = children[0];
        int position = at;
        while (true) {
            long count = varint(bytes, position);
            position = endOfVarint(bytes, position);
            if (count == 0) {
                return position;
            }
            if (count < 0) {
                count = -count;
                position = endOfVarint(bytes, position); // the block's size in bytes, for readers that skip
            }
            long remaining = bytes.length - (long) position;
            long limit = op == MAP || itemsTakeBytes ? remaining : MAX_EMPTY_ITEMS;
            if (count < 0 || count > limit) {
                throw new OutOfBounds("collection of " + count + " items with " + remaining + " bytes left at byte "
                        + position);
            }
            for (long i = 0; i < count; i++) {
                if (op == MAP) {
                    position = skip(bytes, endOfVarint(bytes, position), varint(bytes, position)); // the key
                }
                position = item.walk(bytes, position);
            }
        }
    }

    private static int skip(byte[] bytes, int at, long length) {
        if (length < 0 || length > bytes.length - (long) at) {
            throw new OutOfBounds("length " + length + " with " + (bytes.length - (long) at) + " bytes left at byte "
                    + at);
        }
        return at + (int) length;
    }

    /** The zig-zag varint (Avro's int and long) at {@code at}. */
    private static long varint(byte[] bytes, int at) {
        if (at < bytes.length && bytes[at] >= 0) { // one byte: the common case
            int b = bytes[at];
            return (b >>> 1) ^ -(b & 1);
        }
        long raw = 0;
        int position = at;
        for (int shift = 0; shift < 70; shift += 7) {
            if (position >= bytes.length) {
                throw new OutOfBounds("number cut off at byte " + position);
            }
            int b = bytes[position++];
            raw |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new OutOfBounds("number longer than ten bytes at byte " + at);
    }

    /** The position after the varint at {@code at}; at most ten bytes. */
    private static int endOfVarint(byte[] bytes, int at) {
        int limit = Math.min(bytes.length, at + 10);
        for (int position = at; position < limit; position++) {
            if (bytes[position] >= 0) {
                return position + 1;
            }
        }
        throw new OutOfBounds("number cut off or longer than ten bytes at byte " + at);
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
}
