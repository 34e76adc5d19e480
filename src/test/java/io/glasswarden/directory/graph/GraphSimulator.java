package io.glasswarden.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.direct.DirectCallHttpServer;
import com.github.tomakehurst.wiremock.direct.DirectCallHttpServerFactory;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.Response;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Microsoft Graph under its documented throttling limits, for benchmarks (and tests that need a fleet): a front that
 * applies the limits and a latency distribution, before the stubs of {@link TenantFixture} answer. Every
 * tenant is the healthy fixture tenant; the tenant of a request is known from its token, which the simulated
 * authority issues per tenant ({@code sim-{tenantId}}).
 * <p>
 * Modelled, from https://learn.microsoft.com/graph/throttling-limits and https://learn.microsoft.com/graph/throttling:
 * <ul>
 * <li>global: 130,000 requests per 10 s per app across all tenants;</li>
 * <li>identity and access: resource units per 10 s per app and tenant (S tenants, under 50 users: 3,500); a request
 * costs 1 unit, {@code transitiveMemberOf} 2 ("Identity and access service limits", cost table);</li>
 * <li>Conditional Access: 1 request per second per tenant, its 429s carry no {@code Retry-After}
 * ("Identity protection and conditional access service limits");</li>
 * <li>Microsoft Entra logs and reports ({@code signIn}, …): 5 requests per 10 s per app per tenant;</li>
 * <li>429 {@code TooManyRequests} with {@code Retry-After} (whole seconds, rounded up) elsewhere; requests sent while
 * throttled still count ("continued requests while throttled" are counted, throttling.md);</li>
 * <li>{@code $batch}: at most 20 items, else 400; each item is evaluated against the limits on its own and carries its
 * own status and {@code Retry-After}; answers come in any order (json-batching.md).</li>
 * </ul>
 * Every HTTP request (a batch once) waits one sample of a log-normal latency. The simulator counts HTTP requests,
 * items, 429s, and retries sent before the {@code Retry-After} a client was given (a well-behaved client sends none).
 * <p>
 * The fixture's stubs answer in this process (WireMock's direct-call server: the same stub matching and templating
 * as over HTTP, without a socket per item), so that the simulator spends little of a benchmark machine's CPU: in
 * production Graph's CPU is Microsoft's, and on a shared 2-core machine every millisecond the fake spends is taken
 * from the service it measures.
 */
public final class GraphSimulator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Published limits (subject to change, says Microsoft). */
    public record Limits(int tenantResourceUnits, Duration tenantWindow, Duration conditionalAccessInterval,
            int signIns, Duration signInWindow, int appRequests, Duration appWindow) {

        public static Limits documented() {
            return new Limits(3_500, Duration.ofSeconds(10), Duration.ofSeconds(1), 5, Duration.ofSeconds(10),
                    130_000, Duration.ofSeconds(10));
        }
    }

    /** A log-normal latency per HTTP request: {@code median} and the spread {@code sigma} of its logarithm. */
    public record Latency(Duration median, double sigma) {

        Duration sample(Random random) {
            double factor = Math.exp(sigma * random.nextGaussian());
            return Duration.ofNanos((long) (median.toNanos() * factor));
        }
    }

    /** What the simulator saw since the last {@link #reset()}. */
    public record Report(long httpRequests, long items, long throttled, long earlyRetries, long tokens) {
    }

    private final Clock clock;
    private final Limits limits;
    private final Latency latency;
    private final Random random;
    private final FakeAuthority authority;
    private final WireMockServer fixture;
    private final DirectCallHttpServer fixtureCalls;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Path trustStore;
    private final Map<String, Deque<Instant>> windows = new ConcurrentHashMap<>();
    private final Map<String, Instant> retryNotBefore = new ConcurrentHashMap<>();
    private final AtomicLong httpRequests = new AtomicLong();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong earlyRetries = new AtomicLong();

    private GraphSimulator(Clock clock, Limits limits, Latency latency, long seed, Path dir) throws Exception {
        this.clock = clock;
        this.limits = limits;
        this.latency = latency;
        this.random = new Random(seed);
        this.authority = new FakeAuthority(dir);
        // a token per tenant, so that the simulator knows whose request it is
        authority.server.stubFor(post(urlPathMatching("/[^/]+/oauth2/v2.0/token")).atPriority(1)
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("client-request-id", "{{request.headers.client-request-id}}")
                        .withTransformers("response-template")
                        .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                                + "\"access_token\":\"sim-{{request.pathSegments.[0]}}\"}")));
        this.trustStore = TestCertificates.trustStore(dir.resolve("authority.p12"), "authority",
                dir.resolve("trust.p12"));
        DirectCallHttpServerFactory direct = new DirectCallHttpServerFactory();
        this.fixture = new WireMockServer(options().httpServerFactory(direct).disableRequestJournal());
        fixture.start();
        TenantFixture.stub(fixture);
        this.fixtureCalls = direct.getHttpServer();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static GraphSimulator start(Limits limits, Latency latency, long seed) throws Exception {
        return start(Clock.systemUTC(), limits, latency, seed);
    }

    /** With the clock the limits are kept on (tests move it by hand). */
    static GraphSimulator start(Clock clock, Limits limits, Latency latency, long seed) throws Exception {
        return new GraphSimulator(clock, limits, latency, seed, Files.createTempDirectory("graph-simulator"));
    }

    /** The Entra authority host (HTTPS, trusted through {@link #trustStore()}). */
    public String authorityHost() {
        return authority.host();
    }

    /** The Graph root, as {@code glasswarden.graph.endpoint} takes it. */
    public String graphRoot() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A PKCS#12 trust store (password {@value TestCertificates#PASSWORD}) holding the authority's certificate. */
    public Path trustStore() {
        return trustStore;
    }

    public static String trustStorePassword() {
        return TestCertificates.PASSWORD;
    }

    public Report report() {
        return new Report(httpRequests.get(), items.get(), throttled.get(), earlyRetries.get(),
                authority.server.getAllServeEvents().size());
    }

    /** Forgets counts and windows (between benchmark phases). */
    public void reset() {
        windows.clear();
        retryNotBefore.clear();
        httpRequests.set(0);
        items.set(0);
        throttled.set(0);
        earlyRetries.set(0);
        authority.server.resetRequests();
    }

    /**
     * The least wall time the limits allow for reading {@code tenants} tenants of {@code accounts} accounts each: an
     * evaluation needs three dependent round trips (token; users, methods, groups and the tenant's policies; roles
     * and sign-ins of the user ids found), each at least the median latency; every per-tenant limit is far from
     * binding for one read (one Conditional Access request, one sign-in request per 15 users, some 40 resource units
     * against 3,500); and all items share the app's global budget.
     */
    public static Duration floor(int tenants, int accounts, Latency latency, Limits limits) {
        Duration path = latency.median().multipliedBy(3);
        long itemsNeeded = (long) tenants * (4L * accounts + 10);
        Duration app = limits.appWindow().multipliedBy(itemsNeeded).dividedBy(limits.appRequests());
        return path.compareTo(app) >= 0 ? path : app;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        fixture.stop();
        authority.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            httpRequests.incrementAndGet();
            String tenant = tenantOf(exchange);
            byte[] request = exchange.getRequestBody().readAllBytes();
            sleep(latency.sample(random));
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String url = path.replaceFirst("^/v1\\.0", "") + (query == null ? "" : "?" + query);
            if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/$batch")) {
                batch(exchange, tenant, JSON.readTree(request));
            } else {
                Answer answer = item(tenant, url);
                send(exchange, answer.status(), answer.headers(), answer.body());
            }
        } catch (RuntimeException e) {
            send(exchange, 500, Map.of(), "{\"error\":{\"code\":\"SimulatorFailure\",\"message\":\"" + e + "\"}}");
        }
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private void batch(HttpExchange exchange, String tenant, JsonNode request) throws IOException {
        if (request.path("requests").size() > BatchExecutor.MAX_STEPS) {
            send(exchange, 400, Map.of(), "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Too many requests in"
                    + " the batch\"}}");
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode responses = out.putArray("responses");
        // Graph runs the items of a batch in parallel when none depends on another: the batch takes as long as its
        // slowest item, not their sum (https://learn.microsoft.com/graph/json-batching, "Sequencing requests"); here
        // the batch waits one latency sample and its items are answered in memory
        for (JsonNode step : request.path("requests")) {
            Answer answer = item(tenant, step.path("url").asText());
            ObjectNode node = JSON.createObjectNode();
            node.put("id", step.path("id").asText());
            node.put("status", answer.status());
            ObjectNode headers = node.putObject("headers");
            answer.headers().forEach(headers::put);
            headers.put("Content-Type", "application/json");
            node.set("body", JSON.readTree(answer.body()));
            responses.insert(0, node); // Graph answers in any order
        }
        send(exchange, 200, Map.of(), out.toString());
    }

    /** One request (a batch item or a plain GET): throttled, or answered by the fixture tenant. */
    private Answer item(String tenant, String url) {
        items.incrementAndGet();
        Optional<Answer> refused = throttle(tenant, url);
        if (refused.isPresent()) {
            throttled.incrementAndGet();
            return refused.get();
        }
        String absolute = url.startsWith("http") ? url : "http://graph.simulator/v1.0" + url;
        Request request = ImmutableRequest.create()
                .withAbsoluteUrl(absolute)
                .withMethod(RequestMethod.GET)
                .withProtocol("HTTP/1.1")
                .withClientIp("127.0.0.1")
                .withHeaders(HttpHeaders.noHeaders())
                .build();
        // response templates read the cookies, which an ImmutableRequest leaves null
        Request withCookies = (Request) Proxy.newProxyInstance(Request.class.getClassLoader(),
                new Class<?>[]{Request.class}, (proxy, method, args) -> "getCookies".equals(method.getName())
                        ? Map.of()
                        : method.invoke(request, args));
        Response r = fixtureCalls.stubRequest(withCookies);
        String body = r.getBodyAsString();
        if (r.getStatus() == 404 && !body.startsWith("{")) {
            // no stub: WireMock's plain-text diff; Graph answers a JSON error for an object it does not know
            // (https://learn.microsoft.com/graph/errors: 404 Request_ResourceNotFound)
            return new Answer(404, Map.of(), "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":"
                    + "\"Resource does not exist or one of its queried reference-property objects are not present.\"}}");
        }
        return new Answer(r.getStatus(), Map.of(), body.isBlank() ? "{}" : body);
    }

    private Optional<Answer> throttle(String tenant, String url) {
        Instant now = clock.instant();
        List<Limit> applicable = new ArrayList<>();
        applicable.add(new Limit("app", limits.appRequests(), limits.appWindow(), true, 1));
        if (url.contains("/identity/conditionalAccess/")) {
            applicable.add(new Limit(tenant + "/ca", 1, limits.conditionalAccessInterval(), false, 1));
        } else if (url.contains("/auditLogs/")) {
            applicable.add(new Limit(tenant + "/reports", limits.signIns(), limits.signInWindow(), true, 1));
        } else {
            int cost = url.contains("/transitiveMemberOf") ? 2 : 1;
            applicable.add(new Limit(tenant + "/identity", limits.tenantResourceUnits(), limits.tenantWindow(), true,
                    cost));
        }
        for (Limit limit : applicable) {
            Instant notBefore = retryNotBefore.get(limit.key() + "|" + tenant);
            if (notBefore != null && now.isBefore(notBefore)) {
                earlyRetries.incrementAndGet();
            }
        }
        Optional<Answer> refused = Optional.empty();
        for (Limit limit : applicable) {
            Deque<Instant> window = windows.computeIfAbsent(limit.key(), k -> new ArrayDeque<>());
            synchronized (window) {
                while (!window.isEmpty() && !window.peekFirst().plus(limit.window()).isAfter(now)) {
                    window.pollFirst();
                }
                boolean over = window.size() + limit.cost() > limit.permits();
                for (int i = 0; i < limit.cost(); i++) {
                    window.addLast(now); // counted even when refused
                }
                if (over && refused.isEmpty()) {
                    Duration wait = Duration.between(now, window.peekFirst().plus(limit.window()));
                    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                    Map<String, String> headers = Map.of();
                    if (limit.retryAfter()) {
                        headers = Map.of("Retry-After", String.valueOf(seconds));
                        retryNotBefore.put(limit.key() + "|" + tenant, now.plusSeconds(seconds));
                    }
                    refused = Optional.of(new Answer(429, headers, """
                            {"error":{"code":"TooManyRequests","message":"Please retry again later.",
                             "innerError":{"code":"429","date":"%s","message":"Please retry after",
                             "request-id":"sim","status":"429"}}}""".formatted(now)));
                }
            }
        }
        return refused;
    }

    private record Limit(String key, int permits, Duration window, boolean retryAfter, int cost) {
    }

    private static String tenantOf(HttpExchange exchange) {
        String authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
        return authorization.startsWith("Bearer sim-") ? authorization.substring("Bearer sim-".length()) : "unknown";
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
