package io.glasswarden.readiness.evaluation;

import static io.glasswarden.readiness.evaluation.SnapshotTenants.addAccounts;
import static io.glasswarden.readiness.evaluation.SnapshotTenants.awaitFinished;
import static io.glasswarden.readiness.evaluation.SnapshotTenants.newTenant;
import static io.glasswarden.readiness.evaluation.SnapshotTenants.requestEvaluation;
import static io.glasswarden.readiness.evaluation.SnapshotTenants.snapshot;
import static io.glasswarden.readiness.evaluation.SnapshotTenants.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.glasswarden.readiness.RuleCatalogue;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestProfile(EvaluationTestProfile.class)
class EvaluationResourceTest {

    private static final List<String> ACCOUNT_RULES = RuleCatalogue.accountRules()
            .stream()
            .map(r -> r.descriptor().id())
            .toList();

    @Inject
    EvaluationService service;

    @Test
    void evaluatesEachScenarioFindingByFinding() {
        String tenant = newTenant("snapshot");
        upload(tenant, snapshot(tenant));
        addAccounts(tenant, 1, 2, 3, 4, 5);
        String id = requestEvaluation(tenant);

        JsonPath evaluation = awaitFinished(id).then().statusCode(200).extract().jsonPath();
        assertThat(evaluation.getString("status")).isEqualTo("COMPLETED");
        assertThat(evaluation.getMap("summary")).containsExactlyInAnyOrderEntriesOf(
                Map.of("accounts", 5, "ready", 1, "atRisk", 1, "notReady", 2, "unknown", 1));
        assertThat(evaluation.getInt("graphRequests")).isZero();
        assertThat(evaluation.getString("startedAt")).isNotNull();
        assertThat(evaluation.getString("completedAt")).isNotNull();

        JsonPath results = ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/" + id + "/results").jsonPath();
        for (int i = 0; i < 5; i++) {
            assertThat(results.getList("accounts[" + i + "].findings.ruleId", String.class))
                    .as("every account rule for account %d", i + 1)
                    .containsExactlyElementsOf(ACCOUNT_RULES);
        }
        assertThat(status(results, 0)).isEqualTo("READY");
        assertThat(results.getBoolean("accounts[0].mandatoryMfaReady")).isTrue();
        assertThat(results.getInt("accounts[0].usableCredentials")).isEqualTo(2);
        assertThat(failing(results, 0)).isEmpty();

        assertThat(status(results, 1)).isEqualTo("AT_RISK");
        assertThat(failing(results, 1)).containsExactly("BG-011");

        assertThat(status(results, 2)).isEqualTo("NOT_READY");
        assertThat(failing(results, 2)).containsExactly("BG-010", "BG-011", "BG-013");
        assertThat(finding(results, 2, "BG-013").get("evidence").toString()).contains("ee041bce");

        assertThat(status(results, 3)).isEqualTo("NOT_READY");
        assertThat(failing(results, 3)).contains("BG-020", "BG-022");
        assertThat(finding(results, 3, "BG-022").get("evidence").toString()).contains("ca-03");

        assertThat(status(results, 4)).isEqualTo("UNKNOWN");
        Map<String, Object> methods = finding(results, 4, "BG-010");
        assertThat(methods).containsEntry("result", "UNKNOWN").containsEntry("reason", "permission-denied");

        assertThat(results.getList("tenant.findings.ruleId", String.class))
                .containsExactly("BG-T01", "BG-T02", "BG-T03", "BG-T04", "BG-T05");
        // phase 1 of mandatory MFA is in force since 2024, and two accounts of the scenario can satisfy MFA
        assertThat(results.getString("tenant.findings[4].result")).isEqualTo("PASS");
        assertThat(results.getString("tenant.findings[4].message")).startsWith(
                "2 emergency account(s) can satisfy mandatory MFA:");
        assertThat(results.getInt("tenant.findings[4].evidence.mandatoryMfaReadyAccounts")).isEqualTo(2);
        assertThat(results.getString("tenant.findings[0].result")).isEqualTo("PASS");
        // One ready account; bg-05 could not be checked, so it is not ready (rules.md v1.1 BG-T02).
        assertThat(results.getString("tenant.findings[1].result")).isEqualTo("FAIL");
        assertThat(results.getString("tenant.findings[1].message")).contains("Only 1")
                .contains("1 could not be checked");
        List<Map<String, Object>> gaps = results.getList("tenant.dataGaps");
        assertThat(gaps).anySatisfy(gap -> {
            assertThat(gap).containsEntry("permission", "UserAuthenticationMethod.Read.All");
            assertThat(gap.get("rules").toString()).contains("BG-010");
        });

        // The account resource shows the latest readiness too, and so does the tenant's readiness.
        String accountId = results.getString("accounts[2].accountId");
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenant + "/accounts/" + accountId)
                .then()
                .body("readiness.status", equalTo("NOT_READY"));
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenant + "/readiness")
                .then()
                .statusCode(200)
                .body("evaluationId", equalTo(id))
                .body("accounts.size()", equalTo(5));
    }

    @Test
    void latestReadinessAsCsvHasOneRowPerAccountAndFinding() {
        String tenant = newTenant("snapshot");
        upload(tenant, snapshot(tenant));
        addAccounts(tenant, 1, 3);
        awaitFinished(requestEvaluation(tenant));

        String csv = ApiKeys.as(Roles.AUDITOR)
                .accept("text/csv")
                .get("/api/v1/tenants/" + tenant + "/readiness")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();

        List<List<String>> rows = Csv.parse(csv);
        assertThat(rows.get(0)).containsExactlyElementsOf(ReadinessCsv.COLUMNS);
        assertThat(rows).hasSize(1 + 2 * ACCOUNT_RULES.size());
        int ruleId = ReadinessCsv.COLUMNS.indexOf("ruleId");
        int upn = ReadinessCsv.COLUMNS.indexOf("userPrincipalName");
        int result = ReadinessCsv.COLUMNS.indexOf("result");
        int evidence = ReadinessCsv.COLUMNS.indexOf("evidence");
        List<String> blocked = rows.stream()
                .filter(r -> r.get(upn).startsWith("bg-03") && r.get(ruleId).equals("BG-013"))
                .findFirst()
                .orElseThrow();
        assertThat(blocked.get(result)).isEqualTo("FAIL");
        assertThat(new JsonPath(blocked.get(evidence)).getMap("$")).isNotEmpty();
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r).hasSize(ReadinessCsv.COLUMNS.size()));
    }

    @Test
    void historyListsEveryEvaluationNewestFirst() {
        String tenant = newTenant("snapshot");
        upload(tenant, snapshot(tenant));
        String account = addAccounts(tenant, 2).get(0);
        String first = requestEvaluation(tenant);
        awaitFinished(first);
        String second = requestEvaluation(tenant);
        awaitFinished(second);

        JsonPath history = ApiKeys.as(Roles.AUDITOR)
                .queryParam("size", 1)
                .get("/api/v1/tenants/" + tenant + "/accounts/" + account + "/readiness-history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getInt("total")).isEqualTo(2);
        assertThat(history.getString("items[0].evaluationId")).isEqualTo(second);
        assertThat(history.getString("items[0].status")).isEqualTo("AT_RISK");
        assertThat(history.getList("items[0].failedRules", String.class)).containsExactly("BG-011");

        // BG-062 compares with the previous completed evaluation: not applicable first, a pass once there is one.
        JsonPath results = ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/" + second + "/results").jsonPath();
        assertThat(finding(results, 0, "BG-062")).containsEntry("result", "PASS");
        JsonPath earlier = ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/" + first + "/results").jsonPath();
        assertThat(finding(earlier, 0, "BG-062")).containsEntry("result", "NOT_APPLICABLE");
    }

    @Test
    void secondRequestWhileOneIsQueuedReturnsTheSameEvaluation() {
        String tenant = newTenant("snapshot");
        // Both requests in one transaction: the worker cannot claim the first before the second is made.
        List<EvaluationView> views = QuarkusTransaction.requiringNew()
                .call(() -> List.of(service.request(tenant, "test"), service.request(tenant, "test")));

        assertThat(views.get(1).id()).isEqualTo(views.get(0).id());
        assertThat(views.get(0).status()).isEqualTo(EvaluationStatus.QUEUED);
        awaitFinished(views.get(0).id().toString());
    }

    @Test
    void theDatabaseRefusesASecondActiveEvaluationOfATenant() {
        String tenant = newTenant("snapshot");
        // Both rows in one transaction, so that no worker can finish the first one before the second is inserted
        // (a requested evaluation of this tenant fails within milliseconds: it has no snapshot).
        String insert = """
                insert into evaluations (id, tenant_ref, status, requested_at, requested_by)
                select gen_random_uuid(), id, ?2, now(), 'test' from tenants where tenant_id = ?1
                """;

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    var entityManager = io.quarkus.hibernate.orm.panache.Panache.getEntityManager();
                    assertThat(entityManager.createNativeQuery(insert)
                            .setParameter(1, tenant)
                            .setParameter(2, "QUEUED")
                            .executeUpdate()).isEqualTo(1);
                    entityManager.createNativeQuery(insert)
                            .setParameter(1, tenant)
                            .setParameter(2, "RUNNING")
                            .executeUpdate();
                }));

        assertThat(refused).isNotNull();
        assertThat(refused).rootCause().hasMessageContaining("evaluations_one_active_per_tenant");
        Number stored = QuarkusTransaction.requiringNew()
                .call(() -> (Number) io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                        .createNativeQuery("select count(*) from evaluations e join tenants t on t.id = e.tenant_ref"
                                + " where t.tenant_id = ?1")
                        .setParameter(1, tenant)
                        .getSingleResult());
        assertThat(stored.longValue()).as("the refused transaction stored neither row").isZero();
    }

    @Test
    void snapshotTenantWithoutSnapshotFailsWithAClearError() {
        String tenant = newTenant("snapshot");
        addAccounts(tenant, 1);

        JsonPath evaluation = awaitFinished(requestEvaluation(tenant)).jsonPath();

        assertThat(evaluation.getString("status")).isEqualTo("FAILED");
        assertThat(evaluation.getString("error")).contains("No directory snapshot has been uploaded");
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + tenant + "/readiness").then().statusCode(404);
    }

    @Test
    void graphTenantFailsClearlyWhenGraphIsNotConfigured() {
        String tenant = newTenant("graph");
        addAccounts(tenant, 1);

        JsonPath evaluation = awaitFinished(requestEvaluation(tenant)).jsonPath();

        assertThat(evaluation.getString("status")).isEqualTo("FAILED");
        assertThat(evaluation.getString("error")).contains("Microsoft Graph is not configured");
    }

    @Test
    void requestAnswersWithLocationAndQueuedEvaluation() {
        String tenant = newTenant("snapshot");

        var response = ApiKeys.as(Roles.OPERATOR).post("/api/v1/tenants/" + tenant + "/evaluations");

        response.then()
                .statusCode(202)
                .body("tenantId", equalTo(tenant))
                .body("status", equalTo("QUEUED"))
                .body("requestedAt", org.hamcrest.Matchers.notNullValue());
        assertThat(response.header("Location")).endsWith("/api/v1/evaluations/" + response.path("id"));
        awaitFinished(response.path("id"));
    }

    @Test
    void unknownTenantAndUnknownEvaluationAre404() {
        ApiKeys.as(Roles.OPERATOR)
                .post("/api/v1/tenants/" + UUID.randomUUID() + "/evaluations")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/" + UUID.randomUUID()).then().statusCode(404);
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/not-a-uuid").then().statusCode(404);
    }

    @Test
    void badPageSizeIs400() {
        String tenant = newTenant("snapshot");
        String account = addAccounts(tenant, 1).get(0);

        ApiKeys.as(Roles.AUDITOR)
                .queryParam("size", 500)
                .get("/api/v1/tenants/" + tenant + "/accounts/" + account + "/readiness-history")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void callersNeedCredentialsAndTheRightRole() {
        String tenant = newTenant("snapshot");
        String account = addAccounts(tenant, 1).get(0);

        given().post("/api/v1/tenants/" + tenant + "/evaluations").then().statusCode(401);
        given().get("/api/v1/tenants/" + tenant + "/readiness").then().statusCode(401);
        ApiKeys.as(Roles.AUDITOR).post("/api/v1/tenants/" + tenant + "/evaluations").then().statusCode(403);
        String custodian = ApiKeys.custodian("ada@contoso-demo.example");
        given().auth().oauth2(custodian).get("/api/v1/tenants/" + tenant + "/readiness").then().statusCode(403);
        given().auth()
                .oauth2(custodian)
                .get("/api/v1/tenants/" + tenant + "/accounts/" + account + "/readiness-history")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ApiKeys.custodian("someone.else@contoso.example"))
                .get("/api/v1/tenants/" + tenant + "/accounts/" + account + "/readiness-history")
                .then()
                .statusCode(404);
    }

    static String status(JsonPath results, int account) {
        return results.getString("accounts[" + account + "].status");
    }

    static List<String> failing(JsonPath results, int account) {
        List<Map<String, Object>> findings = results.getList("accounts[" + account + "].findings");
        return findings.stream()
                .filter(f -> "FAIL".equals(f.get("result")))
                .map(f -> (String) f.get("ruleId"))
                .toList();
    }

    static Map<String, Object> finding(JsonPath results, int account, String ruleId) {
        List<Map<String, Object>> findings = results.getList("accounts[" + account + "].findings");
        return findings.stream().filter(f -> ruleId.equals(f.get("ruleId"))).findFirst().orElseThrow();
    }
}
