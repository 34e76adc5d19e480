package io.glasswarden.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.glasswarden.directory.graph.GraphSimulator;
import io.glasswarden.testing.PackagedService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Fleet evaluation time against the Graph throttling simulator: the packaged service on one PostgreSQL, tenants of 5
 * accounts, all evaluations requested at once; compared in the same run with one tenant alone, the theoretical floor
 * of the simulator, a naive sequential client (what a PowerShell script does: one request per endpoint per user, no
 * batching, no concurrency) and two instances sharing the database. Reports; asserts nothing about time. Run by
 * {@code ./mvnw -B -Pbenchmark verify} ({@code -Dit.test=FleetBenchmark} alone; {@code -Dfleet.tenants=20,300}
 * chooses the fleet sizes), writes docs/benchmarks/fleet.md. {@code -Dfleet.jfr=/some/dir} records a Java Flight
 * Recorder profile of each service and of this JVM (the simulator) into that directory, to read with {@code jfr view}.
 */
class FleetBenchmark {

    private static final int ACCOUNTS = 5;
    private static final int NAIVE_SAMPLE = 5;
    /** Rounds of the smallest fleet run before anything is recorded ({@code -Dfleet.warmup=N}). */
    private static final int WARM_UP_ROUNDS = Integer.getInteger("fleet.warmup", 10);
    /** Fleets of warm-up tenants taken in turn, so that each is evaluated once every few seconds at most. */
    private static final int WARM_UP_POOL = 3;
    private static final GraphSimulator.Latency LATENCY = new GraphSimulator.Latency(Duration.ofMillis(150), 0.3);
    private static final GraphSimulator.Limits LIMITS = GraphSimulator.Limits.documented();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    record Row(String what, int tenants, int instances, Duration wall, Duration floor, Duration single,
            long items, long httpRequests, long throttled, long earlyRetries, int failed, Map<String, Integer> errors,
            Timing timing, Cpu cpu) {
    }

    /** Per evaluation, in seconds: waiting in the queue (requested to started) and running (started to completed). */
    record Timing(double waitMedian, double waitMax, double runMedian, double runMax) {
    }

    /**
     * CPU time over a run, per evaluation (ms): the service JVMs, this JVM (the Graph simulator and the callers), and
     * the rest of the machine (PostgreSQL, anything else); and how busy the machine's cores were (%).
     */
    record Cpu(double serviceMs, double simulatorMs, double restMs, double busyPercent) {
    }

    /** A reading of the CPU counters that {@link Cpu} is the difference of. */
    private record CpuReading(double service, double self, long machineBusy, long machineTotal) {

        static CpuReading of(List<PackagedService> services) throws IOException {
            double service = 0;
            for (PackagedService s : services) {
                service += s.cpuSeconds();
            }
            double self = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            // /proc/stat "cpu": user nice system idle iowait irq softirq steal (clock ticks, all cores)
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            long total = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                busy += i == 4 || i == 5 ? 0 : v;
            }
            return new CpuReading(service, self, busy, total);
        }

        Cpu to(CpuReading after, int evaluations) {
            double machine = (after.machineBusy - machineBusy) / 100.0;
            double serviceSeconds = after.service - service;
            double selfSeconds = after.self - self;
            return new Cpu(serviceSeconds * 1000 / evaluations, selfSeconds * 1000 / evaluations,
                    Math.max(0, machine - serviceSeconds - selfSeconds) * 1000 / evaluations,
                    100.0 * (after.machineBusy - machineBusy) / Math.max(1, after.machineTotal - machineTotal));
        }
    }

    @Test
    void measureFleet() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String size : System.getProperty("fleet.tenants", "20,300").split(",")) {
            sizes.add(Integer.parseInt(size.trim()));
        }
        int largest = sizes.stream().max(Integer::compare).orElseThrow();
        int smallest = sizes.stream().min(Integer::compare).orElseThrow();
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        List<Row> rows = new ArrayList<>();
        List<Row> warmUp = new ArrayList<>();
        long rssAfterFleet;
        jdk.jfr.Recording profile = profile();
        Row naive;
        try (GraphSimulator graph = GraphSimulator.start(LIMITS, LATENCY, 42);
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200")
                        .start()) {
            String jdbc = postgres.getJdbcUrl("postgres", "postgres");
            try (PackagedService first = launch(graph, jdbc, "a")) {
                first.awaitReady(Instant.now(), Duration.ofMinutes(5));
                // the fleet, three tenants for the single runs and a pool of three fleets for the warm-up: no tenant
                // is evaluated twice within seconds, where the service's own pacers (Conditional Access 1 per
                // second, sign-in logs 5 per 10 s per tenant) would rightly hold it back
                List<String> all = createTenants(first, largest + 3 + WARM_UP_POOL * smallest);
                List<String> tenants = all.subList(0, largest);
                List<String> alone = all.subList(largest, largest + 3);
                List<String> pool = all.subList(largest + 3, all.size());
                warmUp.addAll(warmUp(first, graph, jdbc, pool, smallest));
                // the reference: the median of three tenants, each alone
                List<Row> singles = new ArrayList<>();
                for (String tenant : alone) {
                    singles.add(run(List.of(first), graph, jdbc, "one tenant alone (median of 3)", List.of(tenant),
                            null));
                }
                Row single = median(singles);
                rows.add(single);
                for (int size : sizes) {
                    // a fleet waits for its slowest evaluation, so one run's wall time swings with the latency
                    // samples: where the fleet holds three distinct sets, the median of three runs
                    int repeats = 3 * size <= largest ? 3 : 1;
                    List<Row> runs = new ArrayList<>();
                    for (int k = 0; k < repeats; k++) {
                        runs.add(run(List.of(first), graph, jdbc, "fleet, all requested at once"
                                + (repeats > 1 ? " (median of 3)" : ""), tenants.subList(k * size, (k + 1) * size),
                                single.wall()));
                    }
                    rows.add(median(runs));
                    write(rows, warmUp, null, loadBefore, "(run incomplete)", first.residentMemoryMib());
                }
                rssAfterFleet = first.residentMemoryMib();
                try (PackagedService second = launch(graph, jdbc, "b")) {
                    second.awaitReady(Instant.now(), Duration.ofMinutes(5));
                    warmUp(second, graph, jdbc, pool, smallest); // as the first was
                    // requests alternate between the instances, as behind a load balancer
                    rows.add(run(List.of(first, second), graph, jdbc, "fleet, 2 instances on one PostgreSQL",
                            tenants, single.wall()));
                }
            }
            naive = naive(graph, NAIVE_SAMPLE);
        }
        if (profile != null) {
            profile.dump(Path.of(System.getProperty("fleet.jfr"), "simulator.jfr"));
            profile.close();
        }
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
        write(rows, warmUp, naive, loadBefore, loadAfter, rssAfterFleet);
    }

    private PackagedService launch(GraphSimulator graph, String jdbc, String name) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbc);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("GLASSWARDEN_SCHEDULE_ENABLED", "false");
        // one API key creates the whole fleet (1,806 writes) and requests its evaluations: not what the per-caller
        // write limit is for (docs/security.md)
        env.put("GLASSWARDEN_RATE_LIMIT_WRITES_PER_MINUTE", "10000000");
        env.put("GLASSWARDEN_GRAPH_CLIENT_ID", "00000000-0000-4000-8000-0000000000aa");
        env.put("GLASSWARDEN_GRAPH_CLIENT_SECRET", "benchmark-only-client-secret");
        env.put("GLASSWARDEN_GRAPH_AUTHORITY_HOST", graph.authorityHost());
        env.put("GLASSWARDEN_GRAPH_ENDPOINT", graph.graphRoot());
        env.put("QUARKUS_LOG_CATEGORY__IO_GLASSWARDEN__LEVEL", "WARN");
        env.put("JAVA_TOOL_OPTIONS", PackagedService.CONTAINER_JVM_OPTIONS + " -Djavax.net.ssl.trustStore="
                + graph.trustStore()
                + " -Djavax.net.ssl.trustStorePassword=" + GraphSimulator.trustStorePassword()
                + " -Djavax.net.ssl.trustStoreType=PKCS12" + jfr(name));
        return PackagedService.launch(work.resolve("data-" + name), env);
    }

    /**
     * Warms a service up, unrecorded in the ratios: an instance that runs all day has compiled its hot code (the JIT
     * threads of the service and of the simulator take most of the 2 cores for the first hundred or so evaluations),
     * filled its token cache and pools; a cold service would make every ratio measure the compiler. One evaluation,
     * then {@link #WARM_UP_ROUNDS} fleets of {@code size} tenants from the pool, each requested at once.
     */
    private static List<Row> warmUp(PackagedService service, GraphSimulator graph, String jdbc, List<String> pool,
            int size) throws Exception {
        List<Row> rounds = new ArrayList<>();
        rounds.add(run(List.of(service), graph, jdbc, "warm-up", pool.subList(pool.size() - 1, pool.size()), null));
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            int from = round % WARM_UP_POOL * size;
            rounds.add(run(List.of(service), graph, jdbc, "warm-up", pool.subList(from, from + size), null));
        }
        return rounds;
    }

    /** The run of median wall time (of an odd number of runs). */
    private static Row median(List<Row> runs) {
        return runs.stream().sorted(java.util.Comparator.comparing(Row::wall)).toList().get(runs.size() / 2);
    }

    /** The JFR option for a service, when {@code fleet.jfr} asks for profiles. */
    private static String jfr(String name) {
        String dir = System.getProperty("fleet.jfr");
        return dir == null
                ? ""
                : " -XX:StartFlightRecording=dumponexit=true,settings=profile,filename=" + dir
                        + "/service-" + name + ".jfr";
    }

    /** A JFR recording of this JVM (simulator, callers), when {@code fleet.jfr} asks for profiles. */
    private static jdk.jfr.Recording profile() throws Exception {
        if (System.getProperty("fleet.jfr") == null) {
            return null;
        }
        Files.createDirectories(Path.of(System.getProperty("fleet.jfr")));
        jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.start();
        return recording;
    }

    private static List<String> createTenants(PackagedService service, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                created.add(pool.submit(() -> createTenant(service, n)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : created) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String createTenant(PackagedService service, int n) throws Exception {
        String tenantId = UUID.randomUUID().toString();
        post(service, "/api/v1/tenants", Map.of("tenantId", tenantId, "displayName", "Fleet " + n, "directory",
                "graph"), 201);
        for (int a = 0; a < ACCOUNTS; a++) {
            post(service, "/api/v1/tenants/" + tenantId + "/accounts", Map.of("objectId", UUID.randomUUID()
                    .toString(), "custodians",
                    List.of(Map.of("name", "Ada", "email", "ada@example.com"),
                            Map.of("name", "Bo", "email", "bo@example.com"))),
                    201);
        }
        return tenantId;
    }

    private static String post(PackagedService service, String path, Object body, int expected) throws Exception {
        HttpResponse<String> response = service.send(service.authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        if (response.statusCode() != expected) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Requests the tenants' evaluations at once and waits until all ended; wall time from the database. */
    private static Row run(List<PackagedService> services, GraphSimulator graph, String jdbc, String what,
            List<String> tenants, Duration single) throws Exception {
        int instances = services.size();
        PackagedService service = services.get(0);
        graph.reset();
        CpuReading cpuBefore = CpuReading.of(services);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<UUID> ids = new ArrayList<>();
        try {
            List<Future<String>> requested = new ArrayList<>();
            for (int i = 0; i < tenants.size(); i++) {
                PackagedService to = services.get(i % instances);
                String path = "/api/v1/tenants/" + tenants.get(i) + "/evaluations";
                requested.add(pool.submit(() -> {
                    HttpResponse<String> response = null;
                    for (int attempt = 0; response == null; attempt++) {
                        try {
                            // a request returns the tenant's active evaluation, so sending it again is harmless
                            response = to.send(to.authorized(path).POST(HttpRequest.BodyPublishers.noBody()));
                        } catch (java.net.http.HttpTimeoutException slow) {
                            if (attempt == 5) {
                                throw slow;
                            }
                        }
                    }
                    if (response.statusCode() != 202) {
                        throw new AssertionError(path + " answered " + response.statusCode() + ": "
                                + response.body());
                    }
                    return JSON.readTree(response.body()).path("id").asText();
                }));
            }
            for (Future<String> f : requested) {
                ids.add(UUID.fromString(f.get()));
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            Array array = db.createArrayOf("uuid", ids.toArray());
            Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
            while (true) {
                try (PreparedStatement q = db.prepareStatement(
                        """
                                select count(*) filter (where status in ('COMPLETED', 'FAILED')),
                                       count(*) filter (where status = 'FAILED'), min(requested_at), max(completed_at),
                                       percentile_cont(0.5) within group (order by extract(epoch from started_at - requested_at)),
                                       max(extract(epoch from started_at - requested_at)),
                                       percentile_cont(0.5) within group (order by extract(epoch from completed_at - started_at)),
                                       max(extract(epoch from completed_at - started_at))
                                from evaluations where id = any(?)""")) {
                    q.setArray(1, array);
                    try (ResultSet r = q.executeQuery()) {
                        r.next();
                        if (r.getInt(1) == ids.size()) {
                            Duration wall = Duration.between(r.getTimestamp(3).toInstant(),
                                    r.getTimestamp(4).toInstant());
                            GraphSimulator.Report report = graph.report();
                            return new Row(what, tenants.size(), instances, wall,
                                    GraphSimulator.floor(tenants.size(), ACCOUNTS, LATENCY, LIMITS), single,
                                    report.items(), report.httpRequests(), report.throttled(), report.earlyRetries(),
                                    r.getInt(2), errors(db, array), new Timing(r.getDouble(5), r.getDouble(6),
                                            r.getDouble(7), r.getDouble(8)),
                                    cpuBefore.to(CpuReading.of(services), tenants.size()));
                        }
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the fleet did not finish within 30 minutes:\n" + service.output());
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    /**
     * What a script does for each tenant: a token, then one request per endpoint and user, one after another, without
     * batching; it honours {@code Retry-After} and waits 1 s after a 429 without one.
     */
    private Row naive(GraphSimulator graph, int tenants) throws Exception {
        graph.reset();
        HttpClient http = HttpClient.newBuilder().sslContext(trusting(graph.trustStore())).build();
        Instant start = Instant.now();
        for (int t = 0; t < tenants; t++) {
            String tenant = UUID.randomUUID().toString();
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(graph.authorityHost() + tenant
                    + "/oauth2/v2.0/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=x"
                            + "&client_secret=y&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String bearer = "Bearer " + JSON.readTree(token.body()).path("access_token").asText();
            List<String> urls = new ArrayList<>(List.of("/policies/authenticationMethodsPolicy",
                    "/identity/conditionalAccess/policies", "/policies/authenticationStrengthPolicies",
                    "/policies/identitySecurityDefaultsEnforcementPolicy",
                    "/organization/" + tenant + "/certificateBasedAuthConfiguration",
                    "/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations"));
            for (int a = 0; a < ACCOUNTS; a++) {
                String user = UUID.randomUUID().toString();
                String principal = encode("principalId eq '" + user + "'");
                urls.addAll(List.of("/users/" + user + "?$select=id,userPrincipalName,accountEnabled",
                        "/users/" + user + "?$select=signInActivity", "/users/" + user + "/authentication/methods",
                        "/users/" + user + "/transitiveMemberOf/microsoft.graph.group",
                        "/roleManagement/directory/roleAssignments?$filter=" + principal,
                        "/roleManagement/directory/roleAssignmentScheduleInstances?$filter=" + principal,
                        "/roleManagement/directory/roleEligibilityScheduleInstances?$filter=" + principal,
                        "/auditLogs/signIns?$filter=" + encode("userId eq '" + user + "'")));
            }
            for (String url : urls) {
                while (true) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(graph.graphRoot() + "/v1.0"
                            + url)).header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 429) {
                        break;
                    }
                    TimeUnit.SECONDS.sleep(r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
                }
            }
        }
        Duration wall = Duration.between(start, Instant.now());
        GraphSimulator.Report report = graph.report();
        return new Row("naive sequential client", tenants, 0, wall,
                GraphSimulator.floor(tenants, ACCOUNTS, LATENCY, LIMITS), null, report.items(),
                report.httpRequests(), report.throttled(), report.earlyRetries(), 0, Map.of(), null, null);
    }

    /** The errors the FAILED evaluations recorded, with how many ended with each (the logs go with the temp dir). */
    private static Map<String, Integer> errors(Connection db, Array ids) throws java.sql.SQLException {
        Map<String, Integer> errors = new java.util.TreeMap<>();
        try (PreparedStatement q = db.prepareStatement("""
                select coalesce(error, '(none recorded)'), count(*) from evaluations
                where id = any(?) and status = 'FAILED' group by 1""")) {
            q.setArray(1, ids);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    errors.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return errors;
    }

    private static String encode(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SSLContext trusting(Path store) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            trust.load(in, GraphSimulator.trustStorePassword().toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toMillis() / 1000.0);
    }

    private static String ratio(Duration a, Duration b) {
        return b == null || b.isZero() ? "—" : String.format(Locale.ROOT, "%.2f", (double) a.toMillis() / b.toMillis());
    }

    private static void write(List<Row> rows, List<Row> warmUp, Row naive, String loadBefore, String loadAfter,
            long rss)
            throws IOException {
        StringBuilder md = new StringBuilder(
                "# Fleet benchmark: evaluations against the Graph throttling simulator\n\n")
                .append(BenchmarkReport.provenance(FleetBenchmark.class, loadBefore, loadAfter))
                .append(" (the machine is shared: compare ratios, not absolute times).\n\n")
                .append("Setup: the packaged service (`glasswarden.evaluations.concurrency` default; JVM options `")
                .append(PackagedService.CONTAINER_JVM_OPTIONS)
                .append("`, as k8s/base deploys it) on one embedded PostgreSQL; `GraphSimulator` with Graph's")
                .append(" documented limits and a log-normal latency per")
                .append(" HTTP request (median ")
                .append(LATENCY.median().toMillis())
                .append(" ms, σ ")
                .append(LATENCY.sigma())
                .append("); tenants of ")
                .append(ACCOUNTS)
                .append(" accounts. Wall time: first `requestedAt` to last `completedAt` of the evaluations (from")
                .append(" the database). Floor: the least time the simulator's limits allow (three dependent round")
                .append(" trips at the median latency, or the app's global budget if slower). Single: one tenant")
                .append(" alone in the same run, the median of three tenants each alone (the reference of issue 10's")
                .append(" \"today ≈ 6.6\"). The fleets, the single tenants and the warm-up tenants are distinct.")
                .append(" Before anything is recorded the service and the simulator are warmed up as an instance")
                .append(" that runs all day is (compiled code, token cache, pools): one evaluation, then ")
                .append(warmUp.size() - 1)
                .append(" rounds of the smallest fleet, all requested at once (the second instance likewise before")
                .append(" its run); the first instance's wall times (s), first to last: ")
                .append(warmUp.stream().map(r -> seconds(r.wall())).collect(java.util.stream.Collectors.joining(", ")))
                .append("; the CPU per evaluation (ms, service / simulator / rest) of the first round ")
                .append(warmUp.size() > 1 ? cpu(warmUp.get(1)) : "—")
                .append(" and of the last ")
                .append(warmUp.size() > 1 ? cpu(warmUp.get(warmUp.size() - 1)) : "—")
                .append(".\n\n")
                .append("| run | tenants | instances | wall (s) | floor (s) | wall / floor | wall / single |")
                .append(" Graph items per account | HTTP requests | 429s | retries before Retry-After |")
                .append(" failed | queue wait p50 / max (s) | run p50 / max (s) | CPU per evaluation (ms): service /")
                .append(" simulator / rest | cores busy |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append(line(r));
        }
        if (naive == null) {
            BenchmarkReport.write("fleet.md",
                    failures(md.append("\n"), rows).append("\n(incomplete: written after each run)\n"));
            return;
        }
        Duration naivePerTenant = naive.wall().dividedBy(naive.tenants());
        failures(md.append(line(naive)).append("\n"), rows);
        md.append("Naive client: measured on ")
                .append(naive.tenants())
                .append(" tenants (")
                .append(seconds(naivePerTenant))
                .append(" s per tenant; it is sequential, so N tenants take N times that).\n\n")
                .append("| tenants | Glasswarden wall (s) | naive, extrapolated (s) | speed-up |\n|---|---|---|---|\n");
        for (Row r : rows) {
            if (r.instances() >= 1 && r.tenants() > 1) {
                Duration naiveWall = naivePerTenant.multipliedBy(r.tenants());
                md.append("| ")
                        .append(r.tenants())
                        .append(r.instances() == 2 ? " (2 instances)" : "")
                        .append(" | ")
                        .append(seconds(r.wall()))
                        .append(" | ")
                        .append(seconds(naiveWall))
                        .append(" | ")
                        .append(ratio(naiveWall, r.wall()))
                        .append("× |\n");
            }
        }
        md.append("\nJVM resident memory of instance A after the largest one-instance fleet: ")
                .append(rss)
                .append(" MiB.\n");
        BenchmarkReport.write("fleet.md", md);
    }

    /** Why evaluations FAILED, per run, as the database recorded it. */
    private static StringBuilder failures(StringBuilder md, List<Row> rows) {
        for (Row r : rows) {
            r.errors()
                    .forEach((error, count) -> md.append("Failed in \"")
                            .append(r.what())
                            .append("\" (")
                            .append(r.tenants())
                            .append(" tenants): ")
                            .append(count)
                            .append(" × `")
                            .append(error)
                            .append("`\n\n"));
        }
        return md;
    }

    private static String cpu(Row r) {
        return r.cpu() == null
                ? "—"
                : String.format(Locale.ROOT, "%.0f / %.0f / %.0f", r.cpu().serviceMs(),
                        r.cpu().simulatorMs(), r.cpu().restMs());
    }

    private static String line(Row r) {
        return "| " + r.what() + " | " + r.tenants() + " | " + r.instances() + " | " + seconds(r.wall()) + " | "
                + seconds(r.floor()) + " | " + ratio(r.wall(), r.floor()) + " | " + ratio(r.wall(), r.single())
                + " | " + String.format(Locale.ROOT, "%.1f", (double) r.items() / (r.tenants() * ACCOUNTS)) + " | "
                + r.httpRequests() + " | " + r.throttled() + " | " + r.earlyRetries() + " | " + r.failed() + " | "
                + (r.timing() == null
                        ? "— | — |"
                        : String.format(Locale.ROOT, "%.2f / %.2f | %.2f / %.2f |",
                                r.timing().waitMedian(), r.timing().waitMax(), r.timing().runMedian(),
                                r.timing().runMax()))
                + (r.cpu() == null
                        ? " — | — |"
                        : " " + cpu(r) + String.format(Locale.ROOT, " | %.0f %% |", r.cpu().busyPercent()))
                + "\n";
    }
}
