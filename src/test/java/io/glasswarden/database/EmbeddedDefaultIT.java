package io.glasswarden.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default as a user runs it: the packaged jar with no database configured. Runs after {@code package}
 * (failsafe), against {@code target/quarkus-app/quarkus-run.jar}.
 */
class EmbeddedDefaultIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final String KEY = "gwk_embedded-default-it-bootstrap-key";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;
    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process process : started) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void dataSurvivesKillDashNineAndRestart() throws Exception {
        int port = freePort();
        Process first = start(port);
        String tenantId = UUID.randomUUID().toString();
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri(port, "/api/v1/tenants"))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"tenantId\":\"" + tenantId + "\",\"displayName\":\"Survivor\"}")));
        assertThat(created.statusCode()).isEqualTo(201);

        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        start(port);
        HttpResponse<String> read = send(HttpRequest.newBuilder(uri(port, "/api/v1/tenants/" + tenantId))
                .header("Authorization", "Bearer " + KEY)
                .GET());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"displayName\":\"Survivor\"");
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
    }

    @Test
    void cleanStopAlsoStopsThePostgresServer() throws Exception {
        Process app = start(freePort());
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());

        app.destroy();
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();

        ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void forbiddingTheEmbeddedDatabaseWithoutUrlFailsAtStartWithAClearMessage() throws Exception {
        ProcessBuilder builder = command(freePort());
        builder.environment().put("GLASSWARDEN_EMBEDDED_DATABASE_ENABLED", "false");
        Path log = dataDir.resolve("forbidden.log");
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the service must exit, not hang").isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("No database configured: set quarkus.datasource.jdbc.url");
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    private Process start(int port) throws IOException, InterruptedException {
        Path log = dataDir.resolve("service-" + started.size() + ".log");
        Process process = command(port).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited at start:\n" + Files.readString(log));
            }
            try {
                if (send(HttpRequest.newBuilder(uri(port, "/q/health/ready")).GET()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new AssertionError("the service was not ready within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    private ProcessBuilder command(int port) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString());
        builder.environment().put("GLASSWARDEN_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("GLASSWARDEN_BOOTSTRAP_API_KEY", KEY);
        builder.environment().put("GLASSWARDEN_DEMO_ENABLED", "false");
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
