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
    /**
     * JVM options for benchmarks: the service as k8s/base deploys it, in the container image's run script (ubi9
     * OpenJDK: ParallelGC, heap free ratios 10-20 %) with the base deployment's 640 MiB memory limit and its heap share
     * of 50 % ({@code JAVA_MAX_MEM_RATIO=50} in k8s/base/config.env; the image alone defaults to 80 %), so that
     * memory figures are those of the deployed pod rather than of a JVM sizing its heap to this machine's RAM.
     */
    public static final String CONTAINER_JVM_OPTIONS = "-XX:MaxRAM=640m -XX:MaxRAMPercentage=50 -XX:+UseParallelGC"
            + " -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90";
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private final Path dataDir;

    private PackagedService(Process process, int port, Path log, Path dataDir) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.dataDir = dataDir;
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
        return new PackagedService(process, port, log, dataDir);
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
        return statusMib("VmRSS:");
    }

    /** The most resident memory the service's JVM has had since it started, in MiB (Linux; -1 elsewhere). */
    public long peakResidentMemoryMib() {
        return statusMib("VmHWM:");
    }

    /** CPU time (user and system) the service's JVM has used so far, in seconds (Linux; -1 elsewhere). */
    public double cpuSeconds() {
        return ticks(process.pid(), false) / 100.0;
    }

    /**
     * CPU time of the embedded PostgreSQL so far, in seconds: the postmaster with the backends that have ended, and
     * the live backends (Linux; -1 without an embedded database).
     */
    public double databaseCpuSeconds() {
        try (var processes = Files.list(Path.of("/proc"))) {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                    .get(0)
                    .trim());
            long total = ticks(postmaster, true);
            for (Path proc : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                String[] fields = statFields(Long.parseLong(proc.getFileName().toString()));
                if (fields.length > 12 && fields[1].equals(String.valueOf(postmaster))) {
                    total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
            return total / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime (+ cutime + cstime: children waited for) of a process, in clock ticks (USER_HZ, 100 on Linux). */
    private static long ticks(long pid, boolean withEndedChildren) {
        String[] fields = statFields(pid);
        if (fields.length < 15) {
            return -100;
        }
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withEndedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    }

    /** The fields of /proc/[pid]/stat after the command name (which is in parentheses and may contain spaces). */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }

    private long statusMib(String field) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))
                    .stream()
                    .filter(line -> line.startsWith(field))
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
