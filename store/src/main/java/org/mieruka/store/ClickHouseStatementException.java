package org.mieruka.store;

/**
 * A statement ClickHouse did not run. The message quotes the SQL: ClickHouse 18.16 sends clients
 * almost no error text, so the statement and a pointer to the server log are what an operator needs.
 */
public final class ClickHouseStatementException extends RuntimeException {

    private static final int MAX_SQL = 2_000;
    private final boolean retriable;

    public ClickHouseStatementException(String sql, Throwable cause, boolean retriable) {
        super("ClickHouse did not run: " + abbreviate(sql) + "\n  cause: " + describe(cause)
                + "\n  (the server log has the full error; see docs/development.md)", cause);
        this.retriable = retriable;
    }

    /** True when the server could not be reached or timed out: the same statement may succeed later. */
    public boolean retriable() {
        return retriable;
    }

    private static String abbreviate(String sql) {
        String flat = sql.strip();
        return flat.length() <= MAX_SQL ? flat : flat.substring(0, MAX_SQL) + " … (" + flat.length() + " chars)";
    }

    private static String describe(Throwable cause) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = cause; t != null && out.length() < 600; t = t.getCause()) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return out.toString();
    }
}
