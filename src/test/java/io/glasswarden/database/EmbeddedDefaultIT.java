package io.glasswarden.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.glasswarden.testing.PackagedService;

/**
 * The embedded default as a user runs it: the packaged jar with no database configured. Runs after {@code package}
 * (failsafe).
 */
class EmbeddedDefaultIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path work;

    @Test
    void dataSurvivesKillDashNineAndRestart() throws Exception {
        Path dataDir = work.resolve("data");
        String tenantId = UUID.randomUUID().toString();
        try (PackagedService first = PackagedService.launch(dataDir, Map.of())) {
            first.awaitReady(Instant.now(), START_TIMEOUT);
            HttpResponse<String> created = first.send(first.authorized("/api/v1/tenants")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"tenantId\":\"" + tenantId + "\",\"displayName\":\"Survivor\"}")));
            assertThat(created.statusCode()).isEqualTo(201);
            first.kill();
        }

        try (PackagedService second = PackagedService.launch(dataDir, Map.of())) {
            second.awaitReady(Instant.now(), START_TIMEOUT);
            HttpResponse<String> read = second.send(second.authorized("/api/v1/tenants/" + tenantId).GET());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("\"displayName\":\"Survivor\"");
        }
    }

    @Test
    void cleanStopAlsoStopsThePostgresServer() throws Exception {
        Path dataDir = work.resolve("data");
        PackagedService service = PackagedService.launch(dataDir, Map.of());
        service.awaitReady(Instant.now(), START_TIMEOUT);
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());

        service.close();

        assertThat(service.process().isAlive()).isFalse();
        ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void forbiddingTheEmbeddedDatabaseWithoutUrlFailsAtStartWithAClearMessage() throws Exception {
        Path dataDir = work.resolve("data");
        try (PackagedService service = PackagedService.launch(dataDir,
                Map.of("GLASSWARDEN_EMBEDDED_DATABASE_ENABLED", "false"))) {
            assertThat(service.process().waitFor(60, TimeUnit.SECONDS)).as("the service must exit, not hang").isTrue();
            assertThat(service.process().exitValue()).isNotZero();
            assertThat(service.output()).contains("No database configured: set quarkus.datasource.jdbc.url");
            assertThat(dataDir.resolve("postgres")).doesNotExist();
        }
    }
}
