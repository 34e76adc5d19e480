package io.glasswarden.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for the tests, started by the tests themselves (no server to install): temporary data directory,
 * free port. Every start of the application under test (Quarkus restarts it, with a class loader of its own, for each
 * test profile) gets a fresh server, so that what one profile's tests leave behind cannot change what another
 * profile's tests see; it is stopped with that application. Fault tests stop and start the server in between
 * ({@link #stopServer()}, {@link #startServer()}) on the same port and data directory, as an operator's restart would.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;
    private static Path dataDir;
    private static int port;

    @Override
    public synchronized Map<String, String> start() {
        synchronized (EmbeddedPostgresResource.class) {
            if (postgres == null) {
                try {
                    dataDir = Files.createTempDirectory("glasswarden-test-pg");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                postgres = launch(0);
                port = postgres.getPort();
                Path started = dataDir;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    close(postgres);
                    delete(started);
                }));
            }
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

    /**
     * Stops PostgreSQL as {@code pg_ctl stop -m fast} does in a restart: open sessions are ended and their transactions
     * rolled back; committed data stays. Connections are refused until {@link #startServer()}.
     */
    public static synchronized void stopServer() {
        close(postgres);
    }

    /** Starts PostgreSQL again on the same port and data directory (after {@link #stopServer()}). */
    public static synchronized void startServer() {
        postgres = launch(port);
    }

    private static EmbeddedPostgres launch(int onPort) {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(onPort)
                    .setServerConfig("max_connections", "300")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void stop() {
        synchronized (EmbeddedPostgresResource.class) {
            if (postgres != null) {
                close(postgres);
                delete(dataDir);
                postgres = null;
            }
        }
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            // already stopped, or the JVM is exiting
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory: the system cleans it up eventually
        }
    }
}
