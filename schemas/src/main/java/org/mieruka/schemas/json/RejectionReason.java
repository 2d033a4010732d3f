package org.mieruka.schemas.json;

/**
 * Why an event was rejected to the dead-letter topic. Declared in the precedence order of
 * events.md: when several apply, the first one listed here is the event's one reason.
 */
public enum RejectionReason {
    MY_NUMBER,
    PERSONAL_DATA,
    MALFORMED,
    UNKNOWN_FIELD,
    MISSING_FIELD,
    BAD_TYPE,
    BAD_ENUM,
    UNKNOWN_ACTION,
    BAD_TIMESTAMP,
    BAD_VALUE,
    UNKNOWN_SOURCE,
    UNKNOWN_EMPLOYEE,
    LATE
}
