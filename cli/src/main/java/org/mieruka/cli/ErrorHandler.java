package org.mieruka.cli;

import org.mieruka.cli.stack.StackException;
import org.mieruka.schemas.config.InvalidConfigException;
import org.mieruka.store.ClickHouseStatementException;
import org.mieruka.store.migrate.UnsupportedServerException;
import picocli.CommandLine;

/**
 * Maps every failure to one message on stderr and an exit code: 2 for bad configuration or usage,
 * 1 for everything else. Expected failures print no stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    static final int CONFIG = 2;
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        var err = commandLine.getErr();
        if (e instanceof InvalidConfigException) {
            err.println("mieruka: " + e.getMessage());
            return CONFIG;
        }
        if (e instanceof StackException || e instanceof UnsupportedServerException
                || e instanceof ClickHouseStatementException) {
            err.println("mieruka: " + e.getMessage());
            if (e instanceof ClickHouseStatementException) {
                ServerLog.lastError().ifPresent(line -> err.println("  server log says: " + line));
            }
            return FAILURE;
        }
        err.println("mieruka: unexpected error: " + e);
        e.printStackTrace(err);
        return FAILURE;
    }
}
