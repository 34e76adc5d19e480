package io.glasswarden.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.glasswarden.ledger.CanonicalJson;
import io.glasswarden.ledger.LedgerEntry;
import io.glasswarden.testing.PackagedService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Ledger verification at MSP scale (issue 10: 1,000,000 entries within 30 s, streaming, constant memory). The packaged
 * service runs on an external PostgreSQL (an embedded server started here, as an operator's database would be); the
 * chain is written straight into its tables (hashes computed in Java by {@link LedgerEntry}, loaded with COPY in
 * batches), then {@code GET /api/v1/ledger/verify} is timed at a first size and again at the full size, in the same
 * run. The service's heap after each garbage collection during a verification (its GC log) is the memory the walk
 * keeps; if it streams, that stays flat while the chain grows tenfold. Reports; asserts only that the chain verifies.
 * {@code ./mvnw -B -Pbenchmark verify -Dit.test=LedgerBenchmark}; {@code -Dledger.entries}, {@code -Dledger.first}
 * change the sizes and {@code -Dledger.jvm-options} the service's JVM options; writes docs/benchmarks/ledger.md.
 */
class LedgerBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COPY_BATCH = 20_000;
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @TempDir
    Path work;

    record Sample(long entries, double generateSeconds, double verifySeconds, double serviceCores, long gcs,
            long heapAfterGcMaxMib, long heapAfterGcLastMib, long rssMib, long rssPeakMib, String load) {
    }

    @Test
    void measureVerificationOfAMillionEntries() throws Exception {
        long total = Long.getLong("ledger.entries", 1_000_000);
        long first = Long.getLong("ledger.first", total / 10);
        String jvmOptions = System.getProperty("ledger.jvm-options", PackagedService.CONTAINER_JVM_OPTIONS).trim();
        String loadBefore = loadAverage();
        Path gcLog = work.resolve("gc.log");
        List<Sample> samples = new ArrayList<>();
        Duration ready;
        String tableSize;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            env.put("GLASSWARDEN_SCHEDULE_ENABLED", "false");
            env.put("JAVA_TOOL_OPTIONS", "-Xlog:gc:file=" + gcLog + " " + jvmOptions);
            Instant start = Instant.now();
            try (PackagedService service = PackagedService.launch(work.resolve("data"), env)) {
                ready = service.awaitReady(start, Duration.ofMinutes(5));
                HttpClient http = HttpClient.newBuilder().build();
                try (Connection db = postgres.getPostgresDatabase().getConnection()) {
                    Chain chain = Chain.headOf(db);
                    for (long size : first < total ? List.of(first, total) : List.of(total)) {
                        Instant generating = Instant.now();
                        chain.extendTo(db, size);
                        double generated = Duration.between(generating, Instant.now()).toMillis() / 1000.0;
                        samples.add(verify(service, http, gcLog, size, generated));
                    }
                    tableSize = single(db, "select pg_size_pretty(pg_total_relation_size('ledger_entries'))");
                }
            }
        }
        write(samples, ready, jvmOptions, tableSize, loadBefore, loadAverage());
    }

    private static Sample verify(PackagedService service, HttpClient http, Path gcLog, long size, double generated)
            throws Exception {
        Thread.sleep(2_000); // let the COPY's checkpoint and autovacuum settle a little
        int gcLinesBefore = gcLines(gcLog).size();
        double cpuBefore = service.cpuSeconds();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(service.authorized("/api/v1/ledger/verify")
                .timeout(Duration.ofMinutes(20))
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        double cores = (service.cpuSeconds() - cpuBefore) / seconds;
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("valid").asBoolean()).as(response.body()).isTrue();
        assertThat(answer.path("entries").asLong()).isEqualTo(size);
        List<String> during = gcLines(gcLog);
        during = during.subList(Math.min(gcLinesBefore, during.size()), during.size());
        long max = 0;
        long last = -1;
        long count = 0;
        for (String line : during) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                count++;
                last = Long.parseLong(m.group(2));
                max = Math.max(max, last);
            }
        }
        return new Sample(size, generated, seconds, cores, count, max, last, service.residentMemoryMib(), service
                .peakResidentMemoryMib(), loadAverage().split(" ")[0]);
    }

    /** The chain as written so far: extends it with entries whose hashes are correct, and moves the recorded head. */
    private static final class Chain {
        private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
        private long sequence;
        private String hash;

        static Chain headOf(Connection db) throws SQLException {
            Chain chain = new Chain();
            try (Statement s = db.createStatement();
                    ResultSet row = s.executeQuery("select sequence, hash from ledger_head where id = 1")) {
                row.next();
                chain.sequence = row.getLong(1);
                chain.hash = row.getString(2);
            }
            return chain;
        }

        void extendTo(Connection db, long size) throws Exception {
            String tenant = UUID.randomUUID().toString();
            while (sequence < size) {
                StringBuilder csv = new StringBuilder(COPY_BATCH * 520);
                for (int i = 0; i < COPY_BATCH && sequence < size; i++) {
                    append(csv, tenant);
                }
                db.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("copy ledger_entries (sequence, recorded_at, type, tenant_id, subject_id, actor, data,"
                                + " previous_hash, hash) from stdin (format csv)", new StringReader(csv.toString()));
            }
            try (Statement s = db.createStatement()) {
                // The head's trigger lets it move one entry at a time (as appends do); a bulk load moves it once,
                // with triggers off for this session only (a superuser's setting; never done by the service).
                s.execute("set session_replication_role = replica");
                s.executeUpdate("update ledger_head set sequence = " + sequence + ", hash = '" + hash
                        + "' where id = 1");
                s.execute("set session_replication_role = origin");
            }
        }

        private void append(StringBuilder csv, String tenant) {
            long next = sequence + 1;
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.put("accountId", new UUID(0x4000_0000_0000_0000L, next).toString());
            data.put("credentialUsed", "key A");
            data.put("outcome", "SUCCEEDED");
            data.put("performedAt", BASE.plusSeconds(next).toString());
            data.put("performedBy", "Ada Lovelace");
            String text = CanonicalJson.write(data);
            Instant at = BASE.plusMillis(next * 7).truncatedTo(ChronoUnit.MICROS);
            LedgerEntry entry = new LedgerEntry(next, at, "DRILL_RECORDED", tenant, new UUID(0x8000_0000_0000_0000L,
                    next).toString(), "api-key:benchmark", text, hash, null);
            String computed = entry.computeHash();
            csv.append(next)
                    .append(',')
                    .append(entry.timestamp())
                    .append(",DRILL_RECORDED,")
                    .append(tenant)
                    .append(',')
                    .append(entry.subjectId())
                    .append(',')
                    .append(entry.actor())
                    .append(",\"")
                    .append(text.replace("\"", "\"\""))
                    .append("\",")
                    .append(hash)
                    .append(',')
                    .append(computed)
                    .append('\n');
            sequence = next;
            hash = computed;
        }
    }

    private static List<String> gcLines(Path gcLog) throws IOException {
        return Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of();
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static void write(List<Sample> samples, Duration ready, String jvmOptions, String tableSize,
            String loadBefore, String loadAfter) throws IOException {
        StringBuilder md = new StringBuilder("# Ledger benchmark: verifying a long chain\n\n")
                .append(BenchmarkReport.provenance(LedgerBenchmark.class, loadBefore, loadAfter))
                .append(" (the machine is shared with other builds: compare the rows, measured side by side, more")
                .append(" than absolute times). Service JVM options: `")
                .append(jvmOptions)
                .append("`.\n\n")
                .append("The packaged service on an external PostgreSQL (started by the benchmark; ready ")
                .append(String.format(Locale.ROOT, "%.1f", ready.toMillis() / 1000.0))
                .append(" s after launch, migrations on an empty database included). The chain is written straight")
                .append(" into `ledger_entries` (DRILL_RECORDED entries of about 170 bytes of data, hashes computed by")
                .append(" `LedgerEntry`, COPY in batches of ")
                .append(COPY_BATCH)
                .append("), then `GET /api/v1/ledger/verify` reads and re-hashes all of it. Heap after GC: the")
                .append(" service's heap after each garbage collection during that request (its GC log), the memory")
                .append(" the verification keeps. Goal (issue 10): 1,000,000 entries within 30 s, streaming, constant")
                .append(" memory.\n\n")
                .append("| entries | written since the row before (s) | verify (s) | entries/s | service CPU (cores) | GCs during |")
                .append(" heap after GC, max (MiB) | heap after GC, last (MiB) | JVM RSS after (MiB) |")
                .append(" JVM RSS peak (MiB) | load (1 min) |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Sample s : samples) {
            md.append(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %,.0f | %.2f | %d | %d | %d | %d | %d | %s |%n",
                    s.entries(), s.generateSeconds(), s.verifySeconds(), s.entries() / s.verifySeconds(),
                    s.serviceCores(), s.gcs(), s.heapAfterGcMaxMib(), s.heapAfterGcLastMib(), s.rssMib(), s
                            .rssPeakMib(),
                    s.load()));
        }
        if (samples.size() == 2) {
            Sample a = samples.get(0);
            Sample b = samples.get(1);
            md.append(String.format(Locale.ROOT, "%nSide by side: %.1f× the entries took %.2f× the time; the largest"
                    + " heap after GC was %.2f× the smaller run's.%n", (double) b.entries() / a.entries(),
                    b
                            .verifySeconds() / a.verifySeconds(),
                    (double) b.heapAfterGcMaxMib() / Math.max(1, a
                            .heapAfterGcMaxMib())));
        }
        md.append("\n`ledger_entries` at the end: ").append(tableSize).append(" (table and indexes).\n");
        BenchmarkReport.write("ledger.md", md);
    }
}
