package io.glasswarden.testing;

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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) started as a user starts it, on the embedded
 * default, for tests and benchmarks that need the real process (restarts, kill -9, start-up time, memory).
 */
public final class PackagedService implements AutoCloseable {

    public static final String BOOTSTRAP_KEY = "gwk_packaged-service-test-bootstrap-key";
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedService(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with this data directory and extra environment; does not wait. */
    public static PackagedService launch(Path dataDir, Map<String, String> environment) throws IOException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString());
        Map<String, String> env = new HashMap<>(Map.of(
                "GLASSWARDEN_DATA_DIR", dataDir.toString(),
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "GLASSWARDEN_BOOTSTRAP_API_KEY", BOOTSTRAP_KEY,
                "GLASSWARDEN_DEMO_ENABLED", "false"));
        env.putAll(environment);
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().putAll(env);
        Files.createDirectories(dataDir);
        Path log = Files.createTempFile(dataDir.getParent(), "service-", ".log");
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PackagedService(process, port, log);
    }

    /** Waits until {@code /q/health/ready} answers 200 and returns how long it took since {@code since}. */
    public Duration awaitReady(Instant since, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited at start:\n" + output());
            }
            try {
                if (send(HttpRequest.newBuilder(uri("/q/health/ready")).GET()).statusCode() == 200) {
                    return Duration.between(since, Instant.now());
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("the service was not ready within " + timeout + ":\n" + output());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + BOOTSTRAP_KEY);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public Process process() {
        return process;
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    /** Resident memory of the service's JVM in MiB (Linux), or -1 where /proc is not available. */
    public long residentMemoryMib() {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))
                    .stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
                    .findFirst()
                    .orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    /** SIGKILL, as {@code kill -9}. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for the process to end. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
