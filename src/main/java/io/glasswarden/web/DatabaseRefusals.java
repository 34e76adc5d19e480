package io.glasswarden.web;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Failures of the database that are not the service being broken. A write that PostgreSQL refused because of another
 * transaction running at the same moment (a unique key taken by a concurrent insert 23505, a serialization failure
 * 40001, a deadlock 40P01) is the client's race: services translate the cases they expect into domain conflicts, and
 * whatever still reaches the mapper is a 409. No free connection in the pool within its acquisition timeout is an
 * overload: 503, retry shortly.
 */
final class DatabaseRefusals {

    private static final Set<String> CONCURRENT = Set.of("23505", "40001", "40P01");
    /** Agroal's message when no connection becomes free in time (it sets no SQLState). */
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";

    private DatabaseRefusals() {
    }

    /** Whether {@code failure} is, or was caused by, a write refused because of a concurrent one. */
    static boolean concurrentWrite(Throwable failure) {
        return anySqlException(failure, e -> e.getSQLState() != null && CONCURRENT.contains(e.getSQLState()));
    }

    /** Whether {@code failure} is, or was caused by, the connection pool having no connection to give in time. */
    static boolean poolExhausted(Throwable failure) {
        return anySqlException(failure, e -> e.getMessage() != null && e.getMessage().contains(ACQUISITION_TIMEOUT));
    }

    private static boolean anySqlException(Throwable failure, Predicate<SQLException> test) {
        // Bounded: a cause chain can be circular.
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (test.test(next)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
