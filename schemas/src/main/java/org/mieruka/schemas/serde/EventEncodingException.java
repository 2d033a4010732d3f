package org.mieruka.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** A record that cannot be written with its schema (a required field left null, say). */
public final class EventEncodingException extends SerializationException {

    public EventEncodingException(String recordName, Throwable cause) {
        super("cannot encode " + recordName + ": " + cause.getMessage(), cause);
    }
}
