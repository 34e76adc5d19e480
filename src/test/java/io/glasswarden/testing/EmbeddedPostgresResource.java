package io.glasswarden.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for the tests, started by the tests themselves (no server to install): temporary data directory,
 * free port. Every start of the application under test (Quarkus restarts it, with a class loader of its own, for each
 * test profile) gets a fresh server, so that what one profile's tests leave behind cannot change what another
 * profile's tests see; it is stopped with that application.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started)));
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /** The JDBC URL of the test database, for tests that talk SQL directly (e.g. ledger tampering). */
    public static String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public synchronized void stop() {
        if (postgres != null) {
            close(postgres);
            postgres = null;
        }
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            // already stopped, or the JVM is exiting
        }
    }
}
