package io.glasswarden.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

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
 * about time. {@code ./mvnw -B -Pbenchmark verify -Dit.test=ApiBenchmark}; {@code -Dapi.accounts}, {@code -Dapi.rate}
 * and {@code -Dapi.seconds} change the size; writes docs/benchmarks/api.md.
 */
class ApiBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SMALL_TENANTS = 20;
    private static final int SMALL_ACCOUNTS = 5;
    private static final int BIG_TENANTS = 10;

    @TempDir
    Path work;

    record Result(String what, int rate, int sent, long errors, long notModified, double p50, double p99,
            double max) {
    }

    @Test
    void measureConstantRateLoad() throws Exception {
        int accounts = Integer.getInteger("api.accounts", 10_000);
        int rate = Integer.getInteger("api.rate", 500);
        int seconds = Integer.getInteger("api.seconds", 20);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        List<Result> results = new ArrayList<>();
        long rssIdle;
        long rssLoaded;
        try (GraphSimulator graph = GraphSimulator.start(GraphSimulator.Limits.documented(),
                new GraphSimulator.Latency(Duration.ofMillis(150), 0.3), 7)) {
            Map<String, String> env = new HashMap<>();
            env.put("GLASSWARDEN_SCHEDULE_ENABLED", "false");
            env.put("GLASSWARDEN_GRAPH_CLIENT_ID", "00000000-0000-4000-8000-0000000000aa");
            env.put("GLASSWARDEN_GRAPH_CLIENT_SECRET", "benchmark-only-client-secret");
            env.put("GLASSWARDEN_GRAPH_AUTHORITY_HOST", graph.authorityHost());
            env.put("GLASSWARDEN_GRAPH_ENDPOINT", graph.graphRoot());
            env.put("QUARKUS_LOG_CATEGORY__IO_GLASSWARDEN__LEVEL", "WARN");
            env.put("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + graph.trustStore()
                    + " -Djavax.net.ssl.trustStorePassword=" + GraphSimulator.trustStorePassword()
                    + " -Djavax.net.ssl.trustStoreType=PKCS12");
            try (PackagedService service = PackagedService.launch(work.resolve("data"), env)) {
                service.awaitReady(Instant.now(), Duration.ofMinutes(5));
                // small tenants, evaluated: their readiness is read
                List<String> small = new ArrayList<>();
                List<String[]> smallAccounts = new ArrayList<>();
                for (int t = 0; t < SMALL_TENANTS; t++) {
                    String tenant = tenant(service);
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
                // large tenants: the rest of the accounts
                List<String[]> all = new ArrayList<>(smallAccounts);
                List<String> big = new ArrayList<>();
                int perBig = Math.max(1, (accounts - all.size()) / BIG_TENANTS);
                ExecutorService pool = Executors.newFixedThreadPool(BIG_TENANTS);
                try {
                    List<Future<List<String[]>>> created = new ArrayList<>();
                    for (int t = 0; t < BIG_TENANTS; t++) {
                        String tenant = tenant(service);
                        big.add(tenant);
                        created.add(pool.submit(() -> accounts(service, tenant, perBig).stream()
                                .map(id -> new String[]{tenant, id})
                                .toList()));
                    }
                    for (Future<List<String[]>> f : created) {
                        all.addAll(f.get());
                    }
                } finally {
                    pool.shutdownNow();
                }
                awaitCompleted(service, evaluations);
                Thread.sleep(5_000);
                rssIdle = service.residentMemoryMib();
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                // warm-up: the JIT, pools and caches, at the same rate
                load(http, rate, 10, () -> get(service, "/api/v1/tenants/" + pick(all)[0] + "/accounts/"
                        + pick(all)[1]), "warm-up");
                results.add(load(http, rate, seconds, () -> {
                    String[] a = pick(all);
                    return get(service, "/api/v1/tenants/" + a[0] + "/accounts/" + a[1]);
                }, "GET account"));
                results.add(load(http, rate, seconds,
                        () -> get(service, "/api/v1/tenants/" + pick(big) + "/accounts?size=20&page="
                                + ThreadLocalRandom.current().nextInt(perBig / 20)),
                        "GET account list (20 of " + perBig + ")"));
                results.add(load(http, rate, seconds,
                        () -> get(service, "/api/v1/tenants/" + pick(small) + "/readiness"),
                        "GET tenant readiness (" + SMALL_ACCOUNTS + " accounts)"));
                Map<String, String> tags = new HashMap<>();
                for (String tenant : small) {
                    tags.put(tenant, service.send(service.authorized("/api/v1/tenants/" + tenant + "/readiness")
                            .GET()).headers().firstValue("ETag").orElseThrow());
                }
                results.add(load(http, rate, seconds, () -> {
                    String tenant = pick(small);
                    return get(service, "/api/v1/tenants/" + tenant + "/readiness").header("If-None-Match",
                            tags.get(tenant));
                }, "GET tenant readiness with If-None-Match (304)"));
                results.add(load(http, rate, seconds, () -> {
                    String[] a = pick(all);
                    return service.authorized("/api/v1/tenants/" + a[0] + "/accounts/" + a[1] + "/drills")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"performedAt\":\""
                                    + Instant.now().minusSeconds(60) + "\",\"performedBy\":\"Ada\","
                                    + "\"outcome\":\"SUCCEEDED\",\"credentialUsed\":\"key A\"}"));
                }, "POST drill"));
                rssLoaded = service.residentMemoryMib();
            }
        }
        write(results, accounts, loadBefore, Files.readString(Path.of("/proc/loadavg")).trim(), rssIdle, rssLoaded);
    }

    private static <T> T pick(List<T> list) {
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }

    private static HttpRequest.Builder get(PackagedService service, String path) {
        return service.authorized(path).GET();
    }

    /** Sends {@code rate} requests per second for {@code seconds}, each at its due instant; latency from that instant. */
    private static Result load(HttpClient http, int rate, int seconds, Supplier<HttpRequest.Builder> next,
            String what) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicLong errors = new AtomicLong();
        AtomicLong notModified = new AtomicLong();
        ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            HttpRequest request = next.get().timeout(Duration.ofSeconds(30)).build();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                latencies[n] = System.nanoTime() - due;
                if (failure != null || response.statusCode() >= 400) {
                    errors.incrementAndGet();
                } else if (response.statusCode() == 304) {
                    notModified.incrementAndGet();
                }
                return null;
            }));
        }
        for (CompletableFuture<?> f : pending) {
            f.get(60, TimeUnit.SECONDS);
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(what, rate, total, errors.get(), notModified.get(), millis(sorted, 0.50),
                millis(sorted, 0.99), sorted[total - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static String tenant(PackagedService service) throws Exception {
        String tenantId = UUID.randomUUID().toString();
        post(service, "/api/v1/tenants", "{\"tenantId\":\"" + tenantId + "\",\"displayName\":\"Load\","
                + "\"directory\":\"graph\"}");
        return tenantId;
    }

    /** One after another: concurrent creations in one tenant answered 500 on this branch (see the report). */
    private static List<String> accounts(PackagedService service, String tenant, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(JSON.readTree(post(service, "/api/v1/tenants/" + tenant + "/accounts", "{\"objectId\":\""
                    + UUID.randomUUID() + "\",\"custodians\":[{\"name\":\"Ada\",\"email\":\"ada@example.com\"},"
                    + "{\"name\":\"Bo\",\"email\":\"bo@example.com\"}],\"keys\":[{\"label\":\"key A\","
                    + "\"serialNumber\":\"" + UUID.randomUUID() + "\",\"location\":\"Safe\"}]}")).path("id").asText());
        }
        return ids;
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

    private static void write(List<Result> results, int accounts, String loadBefore, String loadAfter, long rssIdle,
            long rssLoaded) throws IOException {
        StringBuilder md = new StringBuilder("# API benchmark: constant-rate (open model) load\n\n")
                .append("Generated by `./mvnw -B -Pbenchmark verify -Dit.test=ApiBenchmark` (`ApiBenchmark`) on ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)))
                .append(" UTC. Machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.version"))
                .append("; load average before / after: `")
                .append(loadBefore)
                .append("` / `")
                .append(loadAfter)
                .append("` (the machine is shared with other builds: the load generator, the service and its")
                .append(" PostgreSQL share its cores with them, so these are upper bounds).\n\n")
                .append("The packaged service on its embedded default with ")
                .append(accounts)
                .append(" accounts (")
                .append(SMALL_TENANTS)
                .append(" evaluated tenants of ")
                .append(SMALL_ACCOUNTS)
                .append(" accounts, the rest in ")
                .append(BIG_TENANTS)
                .append(" large tenants). Requests start at a constant rate whatever the answers (JDK HttpClient,")
                .append(" asynchronous, HTTP/1.1); latency counts from the instant a request was due, so queueing is")
                .append(" included. Goal (issue 10): p99 ≤ 50 ms at 500 requests/s, no errors.\n\n")
                .append("| endpoint | rate (req/s) | requests | errors | 304s | p50 (ms) | p99 (ms) | max (ms) |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f |%n", r.what(),
                    r.rate(), r.sent(), r.errors(), r.notModified(), r.p50(), r.p99(), r.max()));
        }
        md.append("\nJVM resident memory: ")
                .append(rssIdle)
                .append(" MiB idle (after set-up and evaluations), ")
                .append(rssLoaded)
                .append(" MiB after the load (goals: ≤ 300 MiB idle, ≤ 400 MiB under load).\n");
        Path out = Path.of("docs/benchmarks/api.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println(md);
    }
}
