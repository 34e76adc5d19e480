package io.glasswarden.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.glasswarden.readiness.RuleCatalogue;
import io.glasswarden.readiness.evaluation.EvaluationWorkerPoll;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.EmbeddedPostgresResource;
import io.glasswarden.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Faults of the database and the token endpoint during an evaluation of a live tenant, through the REST API against
 * the fake Graph and authority and the real (restartable) PostgreSQL: what the user sees (evaluation status, error,
 * findings, problem+json) and that nothing is lost. docs/reliability.md, "Faults", tables the outcomes.
 */
@QuarkusTest
@TestProfile(GraphTenantEvaluationTest.LiveGraphProfile.class)
class EvaluationFaultsTest {

    @Inject
    EvaluationWorkerPoll worker;

    private final List<StubMapping> tokenStubs = new ArrayList<>();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void keysExistBeforeAnyOutage() {
        ApiKeys.of(Roles.OPERATOR);
        ApiKeys.of(Roles.AUDITOR);
    }

    @AfterEach
    void healthyAgain() {
        tokenStubs.forEach(LiveGraphResource.authority.server::removeStub);
        release.countDown();
        LiveGraphResource.graph.beforeBatch = () -> {
        };
    }

    @Test
    void postgresRestartWhileGraphIsReadAnswers503ThenCompletesTheEvaluation() throws Exception {
        String tenantId = GraphTenantEvaluationTest.newLiveTenantWithAccount();
        holdGraph();
        String id = request(tenantId);
        assertThat(held.await(30, TimeUnit.SECONDS)).as("the evaluation reads Graph").isTrue();

        EmbeddedPostgresResource.stopServer();
        Response during = ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/" + id);
        EmbeddedPostgresResource.startServer();
        Response after = ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/" + id);
        release.countDown();

        assertThat(during.statusCode()).as(during.asString()).isEqualTo(503);
        assertThat(during.contentType()).startsWith("application/problem+json");
        assertThat(during.jsonPath().getString("type")).endsWith("/service-unavailable");
        assertThat(after.statusCode()).as("no request fails on a connection the restart closed: %s", after.asString())
                .isEqualTo(200);
        assertThat(after.jsonPath().getString("status")).isEqualTo("RUNNING");
        assertCompletedWithEveryFinding(id);
    }

    @Test
    void postgresDownWhenTheEvaluationRecordsQueuesItAgainAndCompletesOnceBack() throws Exception {
        String tenantId = GraphTenantEvaluationTest.newLiveTenantWithAccount();
        holdGraph();
        String id = request(tenantId);
        assertThat(held.await(30, TimeUnit.SECONDS)).as("the evaluation reads Graph").isTrue();

        try (LogCapture logs = LogCapture.start()) {
            EmbeddedPostgresResource.stopServer();
            LiveGraphResource.graph.beforeBatch = () -> {
            };
            release.countDown();
            // the run has read Graph and cannot record its outcome, not even a failure
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> logs.text().contains("Evaluation " + id + " ended with an error"));
            EmbeddedPostgresResource.startServer();
            assertThat(status(id)).as("left running by its run").isEqualTo("RUNNING");

            worker.once(); // the instance's next poll (every glasswarden.evaluations.poll-interval)
            assertCompletedWithEveryFinding(id);
            assertThat(logs.text()).contains("Evaluation " + id + " ended without recording its outcome; queued"
                    + " again");
        }
    }

    @Test
    void aRunOvertakenByAnotherInstanceRecordsNothingOverTheNewClaim() throws Exception {
        String tenantId = GraphTenantEvaluationTest.newLiveTenantWithAccount();
        holdGraph();
        String id = request(tenantId);
        assertThat(held.await(30, TimeUnit.SECONDS)).as("the evaluation reads Graph").isTrue();
        // This run is slow but alive (a long pause): past running-timeout another instance queued the evaluation
        // again and claimed it, as its EvaluationWorker writes the claim.
        sql("update evaluations set status = 'RUNNING', claimed_by = 'other-instance/00000000', attempts ="
                + " attempts + 1, started_at = now() where id = '" + id + "'");

        try (LogCapture logs = LogCapture.start()) {
            release.countDown();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> logs.text().contains("Evaluation " + id + " was taken over while running")
                            || logs.text().contains("Evaluation " + id + " of tenant " + tenantId + " completed"));
            assertThat(logs.text()).contains("Evaluation " + id + " was taken over while running; its results are"
                    + " discarded");
        }

        assertThat(status(id)).as("the other instance's run is still the one that counts").isEqualTo("RUNNING");
        assertThat(sql("select count(*) from account_evaluations where evaluation_id = '" + id + "'")).isZero();
        sql("update evaluations set status = 'FAILED', completed_at = now() where id = '" + id + "'");
    }

    @Test
    void tokenEndpointUnreachableFailsTheEvaluationAndKeepsTheLastResults() {
        String tenantId = GraphTenantEvaluationTest.newLiveTenantWithAccount();
        String before = GraphTenantEvaluationTest.evaluate(tenantId, "COMPLETED").getString("id");
        // the connection is reset as soon as it opens: what an unreachable or dropping endpoint looks like to MSAL
        refuseTokens(tenantId, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        JsonPath failed = GraphTenantEvaluationTest.evaluate(tenantId, "FAILED");

        assertThat(failed.getString("error")).startsWith("The directory could not be read")
                .contains("Entra could not be reached at " + LiveGraphResource.authority.host())
                .contains("Connection reset")
                .doesNotContain("MsalClientException")
                .doesNotContain("test-only-client-secret");
        assertLastResultsKept(tenantId, before, failed.getString("id"));
    }

    @Test
    void tokenEndpointBusyFailsTheEvaluationAfterMsalRetriedOnceAndKeepsTheLastResults() {
        String tenantId = GraphTenantEvaluationTest.newLiveTenantWithAccount();
        String before = GraphTenantEvaluationTest.evaluate(tenantId, "COMPLETED").getString("id");
        // Entra's error body (learn.microsoft.com/entra/identity-platform/reference-error-codes: error, description
        // with trace and correlation ids, error_codes, timestamp, error_uri), OAuth error temporarily_unavailable ("the
        // server is temporarily too busy to handle the request", same page) with AADSTS90033 ("A transient error has
        // occurred. Try again.", same page), on HTTP 503
        refuseTokens(tenantId, aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"error\":\"temporarily_unavailable\",\"error_description\":\"AADSTS90033: A transient"
                        + " error has occurred. Please try again.\\r\\nTrace ID: 0000aaaa-11bb-cccc-dd33-eeeeee333333"
                        + "\\r\\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\\r\\nTimestamp: 2026-12-04"
                        + " 02:02:12Z\",\"error_codes\":[90033],\"timestamp\":\"2026-12-04 02:02:12Z\",\"trace_id\":"
                        + "\"0000aaaa-11bb-cccc-dd33-eeeeee333333\",\"correlation_id\":"
                        + "\"aaaa0000-bb11-2222-33cc-444444dddddd\",\"error_uri\":"
                        + "\"https://login.microsoftonline.com/error?code=90033\"}"));

        int tokensBefore = tokenRequests(tenantId);

        JsonPath failed = GraphTenantEvaluationTest.evaluate(tenantId, "FAILED");

        assertThat(failed.getString("error")).contains("Entra answered 503")
                .contains("AADSTS90033 (temporarily_unavailable) Entra is temporarily unavailable: try again later.")
                .contains("trace id 0000aaaa-11bb-cccc-dd33-eeeeee333333");
        // MSAL4J retries a 5xx once after 1 s (graph-reference.md 11.2); Glasswarden adds no retry of its own
        assertThat(tokenRequests(tenantId) - tokensBefore).isEqualTo(2);
        assertLastResultsKept(tenantId, before, failed.getString("id"));
    }

    private static int tokenRequests(String tenantId) {
        return LiveGraphResource.authority.server
                .findAll(postRequestedFor(urlPathEqualTo("/" + tenantId + "/oauth2/v2.0/token")))
                .size();
    }

    private void refuseTokens(String tenantId, ResponseDefinitionBuilder answer) {
        tokenStubs.add(LiveGraphResource.authority.server
                .stubFor(post(urlPathEqualTo("/" + tenantId + "/oauth2/v2.0/token")).atPriority(1).willReturn(answer)));
    }

    /**
     * Nothing lost: the failed evaluation has no results (409), the tenant's readiness is still that of the last
     * completed evaluation, and once the endpoint answers again the next evaluation completes.
     */
    private void assertLastResultsKept(String tenantId, String lastCompleted, String failed) {
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/" + failed + "/results").then().statusCode(409);
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId + "/readiness")
                .then()
                .statusCode(200)
                .body("evaluationId", org.hamcrest.Matchers.equalTo(lastCompleted));
        tokenStubs.forEach(LiveGraphResource.authority.server::removeStub);
        GraphTenantEvaluationTest.evaluate(tenantId, "COMPLETED");
    }

    /** The evaluation completed with every rule's finding, and the ledger still verifies. */
    private static void assertCompletedWithEveryFinding(String id) {
        JsonPath evaluation = awaitEnd(id, Duration.ofSeconds(30));
        assertThat(evaluation.getString("status")).as(evaluation.prettify()).isEqualTo("COMPLETED");
        JsonPath results = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/evaluations/" + id + "/results")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(results.getList("accounts[0].findings.ruleId", String.class))
                .hasSize(RuleCatalogue.accountRules().size());
        assertThat(GraphTenantEvaluationTest.result(results, "BG-001")).isEqualTo("PASS");
        assertThat(ApiKeys.as(Roles.AUDITOR).get("/api/v1/ledger/verify").jsonPath().getBoolean("valid")).isTrue();
    }

    /** Runs SQL as another instance (or an operator) would; returns the first column of a query's first row. */
    private static long sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl());
                Statement sql = connection.createStatement()) {
            if (!sql.execute(statement)) {
                return sql.getUpdateCount();
            }
            try (ResultSet row = sql.getResultSet()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void holdGraph() {
        LiveGraphResource.graph.beforeBatch = () -> {
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    static String request(String tenantId) {
        return ApiKeys.as(Roles.OPERATOR)
                .post("/api/v1/tenants/" + tenantId + "/evaluations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    static JsonPath awaitEnd(String id, Duration within) {
        await().atMost(within)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> List.of("COMPLETED", "FAILED").contains(status(id)));
        return ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/" + id).jsonPath();
    }

    static String status(String id) {
        return ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/" + id).jsonPath().getString("status");
    }

}
