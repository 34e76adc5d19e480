package io.glasswarden.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.glasswarden.readiness.RuleCatalogue;
import io.glasswarden.testing.PackagedService;
import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two instances of the packaged service share one PostgreSQL and the fake Graph; the one running an evaluation is
 * killed ({@code kill -9}) while it reads Graph, and the other takes the evaluation over. Runs after {@code package}
 * (failsafe). docs/reliability.md, "Faults", tables the outcome.
 */
class EvaluationTakeoverIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /**
     * Short, so that the test waits seconds (the default is 30 minutes, docs/evaluations.md), but longer than a warm
     * instance takes from its claim to its first Graph batch: with 5 s, a cold instance on a busy machine was overtaken
     * while alive.
     */
    private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path work;

    @Test
    void anInstanceKilledMidEvaluationLeavesItToTheOtherInstanceWhichCompletesIt() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start();
                FakeAuthority authority = new FakeAuthority(work);
                FakeGraph graph = new FakeGraph(Instant::now)) {
            TenantFixture.stub(graph.server);
            graph.beforeBatch = () -> {
                if (first.compareAndSet(true, false)) {
                    held.countDown();
                    hold(release); // the first batch of the evaluation waits here until its instance is dead
                }
            };
            Path trust = TestCertificates.trustStore(work.resolve("authority.p12"), "authority",
                    work.resolve("trust.p12"));
            String jdbcUrl = database.getJdbcUrl("postgres", "postgres");
            try (PackagedService a = PackagedService.launch(work.resolve("a"), env("instance-a", jdbcUrl, authority,
                    graph, trust));
                    PackagedService b = PackagedService.launch(work.resolve("b"), env("instance-b", jdbcUrl,
                            authority, graph, trust))) {
                a.awaitReady(Instant.now(), START_TIMEOUT);
                b.awaitReady(Instant.now(), START_TIMEOUT);
                String tenantId = liveTenantWithAccount(a);
                // warm both (MSAL, TLS, the Graph client): a connection check requests a token and reads Graph once
                for (PackagedService instance : List.of(a, b)) {
                    instance.send(instance.authorized("/api/v1/tenants/" + tenantId + "/connection").GET());
                }
                String id = json(a.send(a.authorized("/api/v1/tenants/" + tenantId + "/evaluations")
                        .POST(HttpRequest.BodyPublishers.noBody()))).getString("id");
                assertThat(held.await(60, TimeUnit.SECONDS)).as("an instance reads Graph for it").isTrue();

                String claimant = claimedBy(database, id);
                PackagedService running = claimant.startsWith("instance-a/") ? a : b;
                PackagedService survivor = running == a ? b : a;
                running.kill(); // mid-evaluation: no transaction open, the claim (RUNNING) stays behind
                release.countDown();
                assertThat(evaluation(survivor, id).getString("status")).isEqualTo("RUNNING");

                await().atMost(RUNNING_TIMEOUT.plusSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> evaluation(survivor, id).getString("status"),
                                status -> status.equals("COMPLETED") || status.equals("FAILED"));

                JsonPath evaluation = evaluation(survivor, id);
                assertThat(evaluation.getString("status")).as(survivor.output()).isEqualTo("COMPLETED");
                assertThat(running.process().isAlive()).isFalse();
                assertThat(claimedBy(database, id)).isNotEqualTo(claimant)
                        .startsWith(running == a
                                ? "instance-b/"
                                : "instance-a/");
                assertThat(survivor.output()).contains("Evaluation " + id + " was left running; queued again");
                JsonPath results = json(survivor.send(survivor.authorized("/api/v1/evaluations/" + id + "/results")
                        .GET()));
                assertThat(results.getList("accounts[0].findings.ruleId")).hasSize(
                        RuleCatalogue.accountRules().size());
                assertThat(json(survivor.send(survivor.authorized("/api/v1/ledger/verify").GET())).getBoolean(
                        "valid")).isTrue();
            } finally {
                release.countDown();
            }
        }
    }

    private static Map<String, String> env(String hostname, String jdbcUrl, FakeAuthority authority, FakeGraph graph,
            Path trust) {
        Map<String, String> env = new HashMap<>();
        // names the instance in evaluations.claimed_by (EvaluationWorker), so that the test knows whom to kill
        env.put("HOSTNAME", hostname);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("GLASSWARDEN_GRAPH_CLIENT_ID", "00000000-0000-4000-8000-0000000000aa");
        env.put("GLASSWARDEN_GRAPH_CLIENT_SECRET", "takeover-test-only-client-secret");
        env.put("GLASSWARDEN_GRAPH_AUTHORITY_HOST", authority.host());
        env.put("GLASSWARDEN_GRAPH_ENDPOINT", "http://localhost:" + graph.server.port());
        env.put("GLASSWARDEN_EVALUATIONS_POLL_INTERVAL", "1s");
        env.put("GLASSWARDEN_EVALUATIONS_RUNNING_TIMEOUT", RUNNING_TIMEOUT.toString());
        env.put("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + trust + " -Djavax.net.ssl.trustStorePassword="
                + TestCertificates.PASSWORD + " -Djavax.net.ssl.trustStoreType=PKCS12");
        return env;
    }

    private static String liveTenantWithAccount(PackagedService service) throws Exception {
        String tenantId = UUID.randomUUID().toString();
        HttpResponse<String> tenant = service.send(service.authorized("/api/v1/tenants")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tenantId\":\"" + tenantId + "\",\"displayName\":"
                        + "\"Takeover\",\"directory\":\"graph\"}")));
        assertThat(tenant.statusCode()).as(tenant.body()).isEqualTo(201);
        HttpResponse<String> account = service.send(service.authorized("/api/v1/tenants/" + tenantId + "/accounts")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"objectId\":\"" + TenantFixture.USER + "\","
                        + "\"custodians\":[{\"name\":\"Ada\",\"email\":\"ada@contoso.com\"},"
                        + "{\"name\":\"Bo\",\"email\":\"bo@contoso.com\"}]}")));
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        return tenantId;
    }

    private static JsonPath evaluation(PackagedService service, String id) throws Exception {
        return json(service.send(service.authorized("/api/v1/evaluations/" + id).GET()));
    }

    private static JsonPath json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return new JsonPath(response.body());
    }

    private static String claimedBy(EmbeddedPostgres database, String id) throws Exception {
        try (Connection connection = database.getPostgresDatabase().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select claimed_by from evaluations where id = ?::uuid")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
