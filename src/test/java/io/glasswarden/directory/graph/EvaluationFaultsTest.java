package io.glasswarden.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void keysExistBeforeAnyOutage() {
        ApiKeys.of(Roles.OPERATOR);
        ApiKeys.of(Roles.AUDITOR);
    }

    @AfterEach
    void healthyAgain() {
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
