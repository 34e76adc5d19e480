package io.glasswarden.readiness.evaluation;

import static io.glasswarden.readiness.evaluation.SnapshotTenants.addAccounts;
import static io.glasswarden.readiness.evaluation.SnapshotTenants.awaitFinished;
import static io.glasswarden.readiness.evaluation.SnapshotTenants.newTenant;
import static io.glasswarden.readiness.evaluation.SnapshotTenants.requestEvaluation;
import static io.glasswarden.readiness.evaluation.SnapshotTenants.snapshot;
import static io.glasswarden.readiness.evaluation.SnapshotTenants.upload;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Stored results never change, so readiness and results carry the evaluation as their {@code ETag} and a client that
 * sends it back in {@code If-None-Match} gets {@code 304} without a body (RFC 9110 section 13.1.2, weak comparison).
 */
@QuarkusTest
@TestProfile(EvaluationTestProfile.class)
class ResultsETagTest {

    @Test
    void readinessAndResultsAnswer304ToTheirOwnTagAndAFreshBodyOnceANewEvaluationCompleted() {
        String tenant = newTenant("snapshot");
        upload(tenant, snapshot(tenant));
        addAccounts(tenant, 1);
        String first = requestEvaluation(tenant);
        awaitFinished(first);
        String readiness = "/api/v1/tenants/" + tenant + "/readiness";

        Response json = ApiKeys.as(Roles.AUDITOR).get(readiness);
        String tag = json.header("ETag");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(tag).isEqualTo("\"" + first + ".json\"");

        Response again = ApiKeys.as(Roles.AUDITOR).header("If-None-Match", tag).get(readiness);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.header("ETag")).isEqualTo(tag);
        assertThat(again.asString()).isEmpty();
        assertThat(ApiKeys.as(Roles.AUDITOR).header("If-None-Match", "W/" + tag).get(readiness).statusCode())
                .as("If-None-Match compares weakly")
                .isEqualTo(304);
        Response csv = ApiKeys.as(Roles.AUDITOR).accept("text/csv").header("If-None-Match", tag).get(readiness);
        assertThat(csv.statusCode()).as("the CSV is another representation, with its own tag").isEqualTo(200);
        assertThat(ApiKeys.as(Roles.AUDITOR)
                .accept("text/csv")
                .header("If-None-Match", csv.header("ETag"))
                .get(readiness)
                .statusCode()).isEqualTo(304);

        String results = "/api/v1/evaluations/" + first + "/results";
        assertThat(ApiKeys.as(Roles.AUDITOR).get(results).header("ETag")).isEqualTo(tag);
        assertThat(ApiKeys.as(Roles.AUDITOR).header("If-None-Match", tag).get(results).statusCode()).isEqualTo(304);

        String second = requestEvaluation(tenant);
        awaitFinished(second);

        Response changed = ApiKeys.as(Roles.AUDITOR).header("If-None-Match", tag).get(readiness);
        assertThat(changed.statusCode()).as("a newer evaluation is a new version").isEqualTo(200);
        assertThat(changed.jsonPath().getString("evaluationId")).isEqualTo(second);
        assertThat(changed.header("ETag")).isEqualTo("\"" + second + ".json\"");
    }

    @Test
    void unknownTenantsAndEvaluationsStay404WhateverTheTag() {
        assertThat(ApiKeys.as(Roles.AUDITOR)
                .header("If-None-Match", "*")
                .get("/api/v1/tenants/" + java.util.UUID.randomUUID() + "/readiness")
                .statusCode()).isEqualTo(404);
        assertThat(ApiKeys.as(Roles.AUDITOR)
                .header("If-None-Match", "*")
                .get("/api/v1/evaluations/" + java.util.UUID.randomUUID() + "/results")
                .statusCode()).isEqualTo(404);
    }
}
