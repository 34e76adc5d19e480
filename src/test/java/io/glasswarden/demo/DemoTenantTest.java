package io.glasswarden.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The demo tenant as a newcomer sees it: real drills, attestations and sign-in matching (no test doubles), Graph not
 * configured.
 */
@QuarkusTest
@TestProfile(DemoTenantTest.DemoProfile.class)
class DemoTenantTest {

    private static final String DEMO = DemoTenant.TENANT_ID;

    public static class DemoProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("glasswarden.demo.enabled", "true");
        }
    }

    // Issue 9 finding 10: what the service records by itself at start is the service's doing, not an anonymous caller's.
    @Test
    void demoDataIsRecordedBySystem() {
        JsonPath entries = ApiKeys.as(Roles.AUDITOR)
                .queryParam("tenantId", DEMO)
                .queryParam("size", "100")
                .get("/api/v1/ledger/entries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(entries.getList("items.type", String.class)).contains("TENANT_CREATED", "ACCOUNT_CREATED");
        assertThat(entries.getList("items.actor", String.class)).contains("system").doesNotContain("anonymous");
    }

    @Test
    void demoTenantIsEvaluatedAtStartAndShowsEveryStatus() {
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + DEMO)
                .then()
                .statusCode(200)
                .body("displayName", org.hamcrest.Matchers.equalTo("Contoso (demo)"))
                .body("directory", org.hamcrest.Matchers.equalTo("snapshot"));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + DEMO + "/readiness").statusCode(),
                        status -> status == 200);
        JsonPath readiness = ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + DEMO + "/readiness").jsonPath();

        assertThat(readiness.getList("accounts.status", String.class))
                .containsExactly("READY", "AT_RISK", "NOT_READY", "NOT_READY", "UNKNOWN");
    }

    @Test
    void candidatesSuggestTheUninventoriedBreakGlassAccountAndQuestionTheCaughtOne() {
        JsonPath report = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + DEMO + "/candidates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(report.getList("candidates.userPrincipalName", String.class))
                .containsExactly("breakglass-legacy@contoso-demo.onmicrosoft.com");
        assertThat(report.getList("candidates[0].reasons", String.class)).contains("cloud-only",
                "permanent Global Administrator");
        assertThat(report.getList("inventoryMismatches.userPrincipalName", String.class))
                .containsExactly("bg-04@contoso-demo.onmicrosoft.com");
        List<String> reasons = report.getList("inventoryMismatches[0].reasons", String.class);
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("3 of 3 enabled Conditional Access policies"));
    }

    @Test
    void metricsCountAccountsByStatusAndEvaluations() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + DEMO + "/readiness").statusCode(),
                        status -> status == 200);

        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).contains("glasswarden_accounts{status=\"NOT_READY\",tenant=\"" + DEMO + "\"} 2.0")
                .contains("glasswarden_accounts{status=\"UNEVALUATED\",tenant=\"" + DEMO + "\"} 0.0")
                .contains("glasswarden_evaluations_total{outcome=\"completed\",tenant=\"" + DEMO + "\"}")
                .contains("glasswarden_evaluation_last_completed_timestamp_seconds{tenant=\"" + DEMO + "\"}");
    }
}
