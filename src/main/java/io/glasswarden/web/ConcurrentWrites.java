package io.glasswarden.web;

import java.sql.SQLException;
import java.util.Set;

/**
 * Recognises a write that PostgreSQL refused because of another transaction running at the same moment: a unique key
 * taken by a concurrent insert (23505), a serialization failure (40001), a deadlock (40P01). Services translate the
 * cases they expect into domain conflicts; anything that still reaches the mapper this way is the client's race, not
 * the service failing: 409, never 500.
 */
final class ConcurrentWrites {

    private static final Set<String> STATES = Set.of("23505", "40001", "40P01");

    private ConcurrentWrites() {
    }

    /** Whether {@code failure}, or anything in its cause chain, is such a refusal. */
    static boolean refused(Throwable failure) {
        // Bounded: a cause chain can be circular.
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (STATES.contains(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
