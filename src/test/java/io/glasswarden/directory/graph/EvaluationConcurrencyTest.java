package io.glasswarden.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Evaluations of different tenants run at the same time, at most {@code glasswarden.evaluations.concurrency} (2 in
 * this profile) per instance. The fake Graph holds every {@code $batch} until the test lets go, so overlap is shown by
 * two batches of two tenants waiting at the fake at once (impossible with one worker thread), not by timing.
 */
@QuarkusTest
@TestProfile(GraphTenantEvaluationTest.LiveGraphProfile.class)
class EvaluationConcurrencyTest {

    @Test
    void twoTenantsAreReadAtOnceAndTheThirdWaitsForAFreeSlot() throws Exception {
        List<String> tenants = IntStream.range(0, 3)
                .mapToObj(i -> GraphTenantEvaluationTest.newLiveTenantWithAccount())
                .toList();
        CountDownLatch twoHeld = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger held = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        LiveGraphResource.graph.beforeBatch = () -> {
            most.accumulateAndGet(held.incrementAndGet(), Math::max);
            twoHeld.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                held.decrementAndGet();
            }
        };
        List<String> evaluations;
        try {
            evaluations = tenants.stream().map(EvaluationConcurrencyTest::request).toList();

            assertThat(twoHeld.await(60, TimeUnit.SECONDS))
                    .as("two tenants' evaluations wait for Graph at the same time")
                    .isTrue();
            assertThat(evaluations.stream().map(EvaluationConcurrencyTest::status))
                    .as("the bound: two running, the third queued until a slot frees")
                    .containsExactlyInAnyOrder("RUNNING", "RUNNING", "QUEUED");
            assertThat(RestAssured.get("/q/metrics").asString()).contains("glasswarden_evaluations_running 2.0");
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> evaluations.stream().allMatch(id -> status(id).equals("COMPLETED")));
        assertThat(most.get()).as("never more than two evaluations reading Graph at once").isEqualTo(2);
        LiveGraphResource.graph.beforeBatch = () -> {
        };
    }

    private static String request(String tenantId) {
        return ApiKeys.as(Roles.OPERATOR)
                .post("/api/v1/tenants/" + tenantId + "/evaluations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static String status(String evaluationId) {
        return ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/" + evaluationId).jsonPath().getString("status");
    }
}
