package io.glasswarden.web;

import java.sql.SQLException;
import java.util.Set;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a failure caused by an unreachable database (stopped, restarting, failing over) from other unexpected errors,
 * so that the caller gets 503 {@code service-unavailable} and retries instead of a 500 with an error id. PostgreSQL's
 * SQLSTATE class 08 (connection exception) and 57P01–57P03 (server shutting down, crashed, not yet accepting
 * connections): https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
final class DatabaseOutage {

    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SHUTDOWN_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause in a line for the log (e.g. "ConnectException: Connection refused"): no SQL, no stack. */
    static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
