package org.mieruka.cli.stack;

/** The local stack could not be started, reached or stopped; the message says what to do. */
public final class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
