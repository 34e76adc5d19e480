package io.glasswarden.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.evaluation.EvaluationWorkerPoll;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

    @Inject
    EntityManager entityManager;

    @Inject
    EvaluationWorkerPoll poll;

    /**
     * Evaluations that are queued when the worker looks (requests another instance took, so no wake-up here) are
     * claimed together: as many as there are free slots, in one transaction. PostgreSQL's {@code xmin} of a row is the
     * transaction that last wrote it, and the runs write nothing to their evaluation before Graph, which holds them.
     */
    @Test
    void evaluationsQueuedMeanwhileAreClaimedTogetherInOneTransaction() throws Exception {
        List<UUID> queued = IntStream.range(0, 2)
                .mapToObj(i -> queueWithoutWakeUp(GraphTenantEvaluationTest.newLiveTenantWithAccount()))
                .toList();
        CountDownLatch twoHeld = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        LiveGraphResource.graph.beforeBatch = () -> {
            twoHeld.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            poll.once();

            assertThat(twoHeld.await(60, TimeUnit.SECONDS)).as("both runs reached Graph").isTrue();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = QuarkusTransaction.requiringNew()
                    .call(() -> entityManager.createNativeQuery("select status, xmin::text from evaluations"
                            + " where id in (?1)").setParameter(1, queued).getResultList());
            assertThat(rows).extracting(r -> r[0]).containsExactly("RUNNING", "RUNNING");
            assertThat(rows).extracting(r -> r[1])
                    .as("claimed by one transaction")
                    .hasSize(2)
                    .containsOnly(rows.get(0)[1]);
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> queued.stream().allMatch(id -> status(id.toString()).equals("COMPLETED")));
        LiveGraphResource.graph.beforeBatch = () -> {
        };
    }

    /** A QUEUED row as a request on another instance leaves it: committed, with no wake-up on this instance. */
    private UUID queueWithoutWakeUp(String tenantId) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager.createNativeQuery("""
                        insert into evaluations (id, tenant_ref, status, requested_at, requested_by, attempts)
                        select ?1, t.id, 'QUEUED', ?2, 'another instance', 0 from tenants t where t.tenant_id = ?3""")
                        .setParameter(1, id)
                        .setParameter(2, Instant.now())
                        .setParameter(3, tenantId)
                        .executeUpdate());
        return id;
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
