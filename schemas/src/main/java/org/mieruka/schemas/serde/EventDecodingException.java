package org.mieruka.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** Bytes that cannot be read as a record of a known schema. Never carries the payload itself. */
public final class EventDecodingException extends SerializationException {

    /** What was wrong with the bytes. */
    public enum Problem {
        /** The header's fingerprint matches no schema version the project released. */
        UNKNOWN_SCHEMA,
        /** The bytes are not Avro single-object encoded at all. */
        NOT_SINGLE_OBJECT,
        /** Header fine, body truncated or not valid for the writer schema. */
        CORRUPT_BODY
    }

    private final Problem problem;

    public EventDecodingException(String recordName, Problem problem, String detail, Throwable cause) {
        super("cannot decode " + recordName + " (" + problem + "): " + detail, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
