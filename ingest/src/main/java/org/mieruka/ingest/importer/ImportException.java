package org.mieruka.ingest.importer;

/** The file as a whole cannot be imported (not well-formed, bad mapping file); no record was emitted. */
public class ImportException extends Exception {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
