package org.mieruka.store.sink;

/** A record that cannot become a row (undecodable, out of range): dead-lettered, never retried. */
public final class RowRejectedException extends RuntimeException {

    public RowRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
