package io.glasswarden.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.glasswarden.testing.PackagedService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Start-up time and memory of the embedded default, as the README starts it (demo tenant on), and the same starts on
 * an external PostgreSQL. Not part of the test suite: {@code ./mvnw -B -Pbenchmark verify -Dit.test=StartupBenchmark}
 * runs it and writes docs/benchmarks/startup.md; {@code -Dstartup.runs} sets the number of runs,
 * {@code -Dstartup.jvm-options} replaces the service's JVM options (default
 * {@link PackagedService#CONTAINER_JVM_OPTIONS}). It reports; it does not assert times (a loaded machine would make
 * such a test flaky, not informative).
 */
class StartupBenchmark {

    private static final int RUNS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final Duration TARGET = Duration.ofSeconds(20);

    @TempDir
    Path work;

    record Sample(String kind, int run, Duration ready, long rssMib) {
    }

    @Test
    void measureColdAndWarmStarts() throws Exception {
        String jvmOptions = System.getProperty("startup.jvm-options", PackagedService.CONTAINER_JVM_OPTIONS).trim();
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        List<Sample> samples = new ArrayList<>();
        for (int run = 1; run <= Integer.getInteger("startup.runs", RUNS); run++) {
            Path dataDir = work.resolve("data-" + run);
            // A fresh temporary directory makes the embedded PostgreSQL unpack its binaries again: a first start.
            Path tmp = Files.createDirectories(work.resolve("tmp-" + run));
            Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", ("-Djava.io.tmpdir=" + tmp + " " + jvmOptions)
                    .trim(), "GLASSWARDEN_DEMO_ENABLED", "true");
            samples.add(measure("cold (unpack, initdb, migrations, demo)", run, dataDir, env));
            samples.add(measure("warm restart (same data directory)", run, dataDir, env));
            // An operator's PostgreSQL (here an embedded server started by the benchmark, already running)
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
                Map<String, String> external = new HashMap<>(env);
                external.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
                external.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
                external.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
                samples.add(measure("external PostgreSQL, empty database (migrations, demo)", run, work.resolve(
                        "external-" + run), external));
                samples.add(measure("external PostgreSQL, restart", run, work.resolve("external-" + run),
                        external));
            }
        }
        write(samples, jvmOptions, loadBefore, Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private Sample measure(String kind, int run, Path dataDir, Map<String, String> env) throws Exception {
        Instant start = Instant.now();
        try (PackagedService service = PackagedService.launch(dataDir, env)) {
            Duration ready = service.awaitReady(start, TIMEOUT);
            Thread.sleep(5_000); // let the start-up evaluation settle before reading memory
            return new Sample(kind, run, ready, service.residentMemoryMib());
        }
    }

    private static void write(List<Sample> samples, String jvmOptions, String loadBefore, String loadAfter)
            throws IOException {
        StringBuilder md = new StringBuilder("# Start-up benchmark: embedded default and an external PostgreSQL\n\n")
                .append(BenchmarkReport.provenance(StartupBenchmark.class, loadBefore, loadAfter))
                .append(". Service JVM options: ")
                .append(jvmOptions.isEmpty() ? "none (`java -jar`, the JVM's defaults)" : "`" + jvmOptions + "`")
                .append(".\n\nTime is from process start to the first 200 of `/q/health/ready`; memory is the JVM's")
                .append(" resident set 5 s later (the embedded PostgreSQL runs in its own processes). Target: ready")
                .append(" within ")
                .append(TARGET.toSeconds())
                .append(" s on 2 cores.\n\n")
                .append("| start | run | ready (s) | JVM RSS (MiB) |\n|---|---|---|---|\n");
        for (Sample s : samples) {
            md.append("| ")
                    .append(s.kind())
                    .append(" | ")
                    .append(s.run())
                    .append(" | ")
                    .append(String.format("%.1f", s.ready().toMillis() / 1000.0))
                    .append(" | ")
                    .append(s.rssMib())
                    .append(" |\n");
        }
        long worst = samples.stream().mapToLong(s -> s.ready().toMillis()).max().orElse(0);
        md.append("\nSlowest: ")
                .append(String.format("%.1f s", worst / 1000.0))
                .append(worst <= TARGET.toMillis()
                        ? " (within target).\n"
                        : " (OVER target).\n");
        BenchmarkReport.write("startup.md", md);
    }
}
