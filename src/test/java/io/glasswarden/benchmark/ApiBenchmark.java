package io.glasswarden.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.glasswarden.directory.graph.GraphSimulator;
import io.glasswarden.testing.PackagedService;

/**
 * API latency under an open-model load: requests start at a constant rate whatever the answers (wrk2-style), and each
 * latency is measured from the instant the request was due, so a slow answer cannot hide the requests queued behind
 * it (no coordinated omission). The packaged service on its embedded default; accounts in large tenants for the
 * account reads and small evaluated tenants (Graph throttling simulator) for readiness. Reports; asserts nothing
 * about time. {@code ./mvnw -B -Pbenchmark verify -Dit.test=ApiBenchmark}; {@code -Dapi.accounts}, {@code -Dapi.rate},
 * {@code -Dapi.seconds}, {@code -Dapi.warmup}, {@code -Dapi.low-rate} and {@code -Dapi.graph-drill-rate} change the
 * size, {@code -Dapi.jvm-options} replaces the
 * service's JVM options (default {@link PackagedService#CONTAINER_JVM_OPTIONS}); writes docs/benchmarks/api.md (keeping its hand-written "Reading these figures").
 */
class ApiBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SMALL_TENANTS = 20;
    private static final int SMALL_ACCOUNTS = 5;
    private static final int BIG_TENANTS = 10;
    private static final int SET_UP_CALLERS = 8;

    @TempDir
    Path work;

    record SetUp(int accounts, Duration took) {
    }

    record Result(String what, int rate, int sent, long errors, Map<Integer, Long> statuses, long notModified,
            double p50, double p99, double p999, double max, double answeredPerSecond, double cpuMsPerAnswer,
            double serviceCores, double databaseCores, String load) {
    }

    @Test
    void measureConstantRateLoad() throws Exception {
        int accounts = Integer.getInteger("api.accounts", 10_000);
        int rate = Integer.getInteger("api.rate", 500);
        int seconds = Integer.getInteger("api.seconds", 20);
        int warmUp = Integer.getInteger("api.warmup", 10);
        int graphDrillRate = Integer.getInteger("api.graph-drill-rate", 2);
        int lowRate = Integer.getInteger("api.low-rate", 100);
        String jvmOptions = System.getProperty("api.jvm-options", PackagedService.CONTAINER_JVM_OPTIONS).trim();
        String loadBefore = loadAverage();
        List<Result> results = new ArrayList<>();
        long rssIdle;
        long rssPeak;
        long rssAfter;
        SetUp setUp;
        try (GraphSimulator graph = GraphSimulator.start(GraphSimulator.Limits.documented(),
                new GraphSimulator.Latency(Duration.ofMillis(150), 0.3), 7)) {
            Map<String, String> env = new HashMap<>();
            env.put("GLASSWARDEN_SCHEDULE_ENABLED", "false");
            env.put("GLASSWARDEN_GRAPH_CLIENT_ID", "00000000-0000-4000-8000-0000000000aa");
            env.put("GLASSWARDEN_GRAPH_CLIENT_SECRET", "benchmark-only-client-secret");
            env.put("GLASSWARDEN_GRAPH_AUTHORITY_HOST", graph.authorityHost());
            env.put("GLASSWARDEN_GRAPH_ENDPOINT", graph.graphRoot());
            env.put("QUARKUS_LOG_CATEGORY__IO_GLASSWARDEN__LEVEL", "WARN");
            // The limiter stays in the path (its cost is measured) but with room for the whole load: the load stands
            // for many callers, sent with one key.
            env.put("GLASSWARDEN_RATE_LIMIT_WRITES_PER_MINUTE", "10000000");
            env.put("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + graph.trustStore()
                    + " -Djavax.net.ssl.trustStorePassword=" + GraphSimulator.trustStorePassword()
                    + " -Djavax.net.ssl.trustStoreType=PKCS12" + (jvmOptions.isEmpty() ? "" : " " + jvmOptions));
            try (PackagedService service = PackagedService.launch(work.resolve("data"), env)) {
                service.awaitReady(Instant.now(), Duration.ofMinutes(5));
                // small tenants, evaluated: their readiness is read
                List<String> small = new ArrayList<>();
                List<String[]> smallAccounts = new ArrayList<>();
                for (int t = 0; t < SMALL_TENANTS; t++) {
                    String tenant = tenant(service, "graph");
                    small.add(tenant);
                    for (String id : accounts(service, tenant, SMALL_ACCOUNTS)) {
                        smallAccounts.add(new String[]{tenant, id});
                    }
                }
                List<String> evaluations = new ArrayList<>();
                for (String tenant : small) {
                    evaluations.add(JSON.readTree(service.send(service.authorized("/api/v1/tenants/" + tenant
                            + "/evaluations").POST(HttpRequest.BodyPublishers.noBody())).body()).path("id").asText());
                }
                // large tenants: the rest of the accounts, created by concurrent callers as a provisioning script
                // would (this once answered 500: ConcurrentAccountCreationTest)
                List<String[]> all = new ArrayList<>(smallAccounts);
                List<String> big = new ArrayList<>();
                int perBig = Math.max(1, (accounts - all.size()) / BIG_TENANTS);
                Set<String> offline = new HashSet<>();
                for (int t = 0; t < BIG_TENANTS; t++) {
                    // half of them offline audits (snapshot directory): their drills read no live sign-in logs
                    String tenant = tenant(service, t % 2 == 0 ? "graph" : "snapshot");
                    big.add(tenant);
                    if (t % 2 == 1) {
                        offline.add(tenant);
                    }
                }
                Instant setUpStart = Instant.now();
                all.addAll(createConcurrently(service, big, perBig));
                setUp = new SetUp(all.size() - smallAccounts.size(), Duration.between(setUpStart, Instant.now()));
                awaitCompleted(service, evaluations);
                Thread.sleep(5_000);
                rssIdle = service.residentMemoryMib();
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                Load goal = new Load(http, service, rate, seconds);
                // The main endpoints also at a lower rate first, in the same run: below and at the goal's rate.
                List<Load> load = lowRate > 0 && lowRate < rate
                        ? List.of(new Load(http, service, lowRate, seconds), goal)
                        : List.of(goal);
                // warm-up: the JIT, pools and caches, at the same rate (not reported)
                new Load(http, service, rate, warmUp).run("warm-up", () -> {
                    String[] a = pick(all);
                    return get(service, "/api/v1/tenants/" + a[0] + "/accounts/" + a[1]);
                });
                for (Load l : load) {
                    results.add(l.run("GET account", () -> {
                        String[] a = pick(all);
                        return get(service, "/api/v1/tenants/" + a[0] + "/accounts/" + a[1]);
                    }));
                }
                for (Load l : load) {
                    results.add(l.run("GET account list (page of 20, tenant of " + perBig + ")",
                            () -> get(service, "/api/v1/tenants/" + pick(big) + "/accounts?size=20&page="
                                    + ThreadLocalRandom.current().nextInt(Math.max(1, perBig / 20)))));
                }
                for (Load l : load) {
                    results.add(l.run("GET tenant readiness (" + SMALL_ACCOUNTS + " accounts)",
                            () -> get(service, "/api/v1/tenants/" + pick(small) + "/readiness")));
                }
                Map<String, String> tags = new HashMap<>();
                for (String tenant : small) {
                    tags.put(tenant, service.send(service.authorized("/api/v1/tenants/" + tenant + "/readiness")
                            .GET()).headers().firstValue("ETag").orElseThrow());
                }
                results.add(goal.run("GET tenant readiness, If-None-Match (304)", () -> {
                    String tenant = pick(small);
                    return get(service, "/api/v1/tenants/" + tenant + "/readiness").header("If-None-Match",
                            tags.get(tenant));
                }));
                Map<String, String> resultTags = new HashMap<>();
                for (String id : evaluations) {
                    resultTags.put(id, service.send(service.authorized("/api/v1/evaluations/" + id + "/results")
                            .GET()).headers().firstValue("ETag").orElseThrow());
                }
                results.add(goal.run("GET evaluation results, If-None-Match (304)", () -> {
                    String id = pick(evaluations);
                    return get(service, "/api/v1/evaluations/" + id + "/results").header("If-None-Match",
                            resultTags.get(id));
                }));
                List<String[]> offlineAccounts = all.stream().filter(a -> offline.contains(a[0])).toList();
                List<String[]> liveAccounts = all.stream()
                        .filter(a -> big.contains(a[0]) && !offline.contains(a[0]))
                        .toList();
                for (Load l : load) {
                    results.add(l.run("POST drill, offline-audit tenant (no live sign-in log read)",
                            () -> drill(service, pick(offlineAccounts))));
                }
                // Each drill in a Graph tenant reads the account's sign-in logs before it answers, and Graph allows 5
                // such reads per 10 s per tenant: this row runs at a rate those limits can serve.
                results.add(new Load(http, service, graphDrillRate, seconds).run("POST drill, Graph tenant (reads"
                        + " the sign-in logs at once)", () -> drill(service, pick(liveAccounts))));
                rssPeak = service.peakResidentMemoryMib();
                rssAfter = service.residentMemoryMib();
                Files.writeString(Path.of("target/api-benchmark-service.log"), service.output());
            }
        }
        write(new Run(accounts, jvmOptions, loadBefore, loadAverage(), setUp, rssIdle, rssPeak, rssAfter), results);
    }

    record Run(int accounts, String jvmOptions, String loadBefore, String loadAfter, SetUp setUp, long rssIdle,
            long rssPeak, long rssAfter) {
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static HttpRequest.Builder drill(PackagedService service, String[] account) {
        return service.authorized("/api/v1/tenants/" + account[0] + "/accounts/" + account[1] + "/drills")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"performedAt\":\"" + Instant.now().minusSeconds(60)
                        + "\",\"performedBy\":\"Ada\",\"outcome\":\"SUCCEEDED\",\"credentialUsed\":\"key A\"}"));
    }

    private static <T> T pick(List<T> list) {
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }

    private static HttpRequest.Builder get(PackagedService service, String path) {
        return service.authorized(path).GET();
    }

    /**
     * Sends {@code rate} requests per second for {@code seconds}, each at its due instant whatever the answers before
     * it; latency counts from that instant. Also the service JVM's CPU use over the phase, in cores.
     */
    record Load(HttpClient http, PackagedService service, int rate, int seconds) {

        Result run(String what, Supplier<HttpRequest.Builder> next) throws Exception {
            Thread.sleep(3_000); // what the phase before left queued drains
            int total = rate * seconds;
            long[] latencies = new long[total];
            AtomicLong errors = new AtomicLong();
            AtomicLong notModified = new AtomicLong();
            Map<Integer, Long> statuses = new ConcurrentHashMap<>();
            List<CompletableFuture<?>> pending = new ArrayList<>(total);
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            double cpuBefore = service.cpuSeconds();
            double databaseBefore = service.databaseCpuSeconds();
            AtomicLong answered = new AtomicLong();
            AtomicLong lastAnswer = new AtomicLong();
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int n = i;
                HttpRequest request = next.get().timeout(Duration.ofSeconds(30)).build();
                pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .handle((response, failure) -> {
                            long now = System.nanoTime();
                            latencies[n] = now - due;
                            int status = failure != null ? -1 : response.statusCode();
                            statuses.merge(status, 1L, Long::sum);
                            if (status >= 0) {
                                answered.incrementAndGet();
                                lastAnswer.accumulateAndGet(now, Math::max);
                            }
                            if (status < 0 || status >= 400) {
                                errors.incrementAndGet();
                            } else if (status == 304) {
                                notModified.incrementAndGet();
                            }
                            return null;
                        }));
            }
            for (CompletableFuture<?> f : pending) {
                f.get(60, TimeUnit.SECONDS);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double serviceCpu = service.cpuSeconds() - cpuBefore;
            double databaseCpu = service.databaseCpuSeconds() - databaseBefore;
            double answering = Math.max(1e-9, (lastAnswer.get() - start) / 1e9);
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return new Result(what, rate, total, errors.get(), new TreeMap<>(statuses), notModified.get(), millis(
                    sorted, 0.50), millis(sorted, 0.99), millis(sorted, 0.999), sorted[total - 1] / 1e6,
                    answered
                            .get() / answering,
                    1000 * (serviceCpu + databaseCpu) / Math.max(1, answered.get()),
                    serviceCpu / elapsed, databaseCpu / elapsed, loadAverage().split(" ")[0]);
        }
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static String tenant(PackagedService service, String directory) throws Exception {
        String tenantId = UUID.randomUUID().toString();
        post(service, "/api/v1/tenants", "{\"tenantId\":\"" + tenantId + "\",\"displayName\":\"Load\","
                + "\"directory\":\"" + directory + "\"}");
        return tenantId;
    }

    /** {@code count} accounts in a tenant, one after another. */
    private static List<String> accounts(PackagedService service, String tenant, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(createAccount(service, tenant));
        }
        return ids;
    }

    /** {@code perTenant} accounts in each tenant, by {@code SET_UP_CALLERS} callers at once across all tenants. */
    private static List<String[]> createConcurrently(PackagedService service, List<String> tenants, int perTenant)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SET_UP_CALLERS);
        try {
            List<Future<String[]>> created = new ArrayList<>();
            for (int i = 0; i < perTenant; i++) {
                for (String tenant : tenants) {
                    created.add(pool.submit(() -> new String[]{tenant, createAccount(service, tenant)}));
                }
            }
            List<String[]> all = new ArrayList<>();
            for (Future<String[]> f : created) {
                all.add(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String createAccount(PackagedService service, String tenant) throws Exception {
        return JSON.readTree(post(service, "/api/v1/tenants/" + tenant + "/accounts", "{\"objectId\":\""
                + UUID.randomUUID() + "\",\"custodians\":[{\"name\":\"Ada\",\"email\":\"ada@example.com\"},"
                + "{\"name\":\"Bo\",\"email\":\"bo@example.com\"}],\"keys\":[{\"label\":\"key A\","
                + "\"serialNumber\":\"" + UUID.randomUUID() + "\",\"location\":\"Safe\"}]}")).path("id").asText();
    }

    private static String post(PackagedService service, String path, String body) throws Exception {
        HttpResponse<String> response = service.send(service.authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 201) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static void awaitCompleted(PackagedService service, List<String> evaluations) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        for (String id : evaluations) {
            while (true) {
                JsonNode evaluation = JSON.readTree(service.send(service.authorized("/api/v1/evaluations/" + id)
                        .GET()).body());
                String status = evaluation.path("status").asText();
                if (status.equals("COMPLETED")) {
                    break;
                }
                if (status.equals("FAILED") || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("evaluation " + id + " is " + evaluation);
                }
                Thread.sleep(500);
            }
        }
    }

    private static void write(Run run, List<Result> results) throws IOException {
        StringBuilder md = new StringBuilder("# API benchmark: constant-rate (open model) load\n\n")
                .append(BenchmarkReport.provenance(ApiBenchmark.class, run.loadBefore(), run.loadAfter()))
                .append(". The machine is shared with other builds: the load generator, the service and its")
                .append(" PostgreSQL share its cores with them, so these are upper bounds. Service JVM options: ")
                .append(run.jvmOptions().isEmpty()
                        ? "none (`java -jar`, the JVM's defaults)"
                        : "`"
                                + run.jvmOptions() + "`")
                .append(".\n\n")
                .append("The packaged service on its embedded default with ")
                .append(run.accounts())
                .append(" accounts (")
                .append(SMALL_TENANTS)
                .append(" evaluated tenants of ")
                .append(SMALL_ACCOUNTS)
                .append(" accounts, the rest in ")
                .append(BIG_TENANTS)
                .append(" large tenants, half of them Graph tenants and half offline audits with a snapshot")
                .append(" directory). Requests start at a constant rate whatever the answers (JDK HttpClient,")
                .append(" asynchronous, HTTP/1.1), each phase after the previous one; latency counts from the instant a")
                .append(" request was due, so queueing is included (no coordinated omission). Goal (issue 10): p99 ≤ 50")
                .append(" ms at 500 requests/s, no errors. Answered: answers (any status) per second from the first")
                .append(" request to the last answer, what the service kept up with. CPU per answer: CPU time of the")
                .append(" service's JVM and of its PostgreSQL (postmaster and backends) over the phase, per answer;")
                .append(" 2 cores give at most 2000 ms of CPU per second, so 2000 / this is the most answers per second")
                .append(" the two cores could serve with nothing else running (the load generator not counted).\n\n")
                .append("| endpoint | rate (req/s) | requests | errors | answers | p50 (ms) | p99 (ms) | p99.9 (ms) |")
                .append(" max (ms) | answered (req/s) | CPU per answer (ms) | service CPU (cores) |")
                .append(" PostgreSQL CPU (cores) | load (1 min) |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            String answers = r.statuses()
                    .entrySet()
                    .stream()
                    .map(e -> (e.getKey() < 0 ? "no answer" : e.getKey().toString()) + " × " + e.getValue())
                    .collect(Collectors.joining(", "));
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %.1f | %.1f | %.1f | %.1f | %.0f | %.2f |"
                    + " %.2f | %.2f | %s |%n", r.what(), r.rate(), r.sent(), r.errors(), answers, r.p50(), r.p99(),
                    r
                            .p999(),
                    r.max(), r.answeredPerSecond(), r.cpuMsPerAnswer(), r.serviceCores(), r
                            .databaseCores(),
                    r.load()));
        }
        md.append(String.format(Locale.ROOT, "%nSet-up: %d accounts created by %d concurrent callers in %.1f s (%.0f"
                + " per second), every one answered 201.%n", run.setUp().accounts(), SET_UP_CALLERS,
                run.setUp()
                        .took()
                        .toMillis() / 1000.0,
                run.setUp().accounts() * 1000.0 / Math.max(1, run.setUp()
                        .took()
                        .toMillis())))
                .append("\nJVM resident memory (the embedded PostgreSQL runs in its own processes): ")
                .append(run.rssIdle())
                .append(" MiB idle (after set-up and evaluations), ")
                .append(run.rssPeak())
                .append(" MiB at the peak (VmHWM, set-up included), ")
                .append(run.rssAfter())
                .append(" MiB after the load. Goals: ≤ 300 MiB idle, ≤ 400 MiB under load.\n");
        BenchmarkReport.write("api.md", md);
    }
}
