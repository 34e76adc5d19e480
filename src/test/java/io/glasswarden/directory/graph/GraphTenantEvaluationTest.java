package io.glasswarden.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.glasswarden.readiness.RuleCatalogue;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A live ({@code directory: graph}) tenant evaluated through the REST API, against the fake Graph and authority. */
@QuarkusTest
@TestProfile(GraphTenantEvaluationTest.LiveGraphProfile.class)
class GraphTenantEvaluationTest {

    public static class LiveGraphProfile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LiveGraphResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // small, so that EvaluationConcurrencyTest can show the bound with three tenants
            return Map.of("glasswarden.evaluations.concurrency", "2");
        }
    }

    @Test
    void liveTenantIsReadThroughGraphInBatchesAndJudgedByEveryRule() {
        String tenantId = newLiveTenantWithAccount();
        long before = LiveGraphResource.graph.clientRequests();

        JsonPath evaluation = evaluate(tenantId, "COMPLETED");

        long sent = LiveGraphResource.graph.clientRequests() - before;
        assertThat(evaluation.getInt("graphRequests")).isEqualTo((int) sent).isBetween(1, 30);
        assertThat(evaluation.getInt("summary.accounts")).isEqualTo(1);
        JsonPath results = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/evaluations/" + evaluation.getString("id")
                        + "/results")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(results.getList("accounts[0].findings.ruleId", String.class))
                .hasSize(RuleCatalogue.accountRules().size());
        assertThat(result(results, "BG-001")).isEqualTo("PASS");
        assertThat(result(results, "BG-002")).isEqualTo("PASS");
        // the fixture's account has a usable Temporary Access Pass and a phone method
        assertThat(result(results, "BG-061")).isEqualTo("FAIL");
        assertThat(result(results, "BG-060")).isEqualTo("FAIL");
        String status = results.getString("accounts[0].status");
        assertThat(status).isIn("AT_RISK", "NOT_READY");
        assertThat(results.getList("tenant.findings.ruleId", String.class)).contains("BG-T01", "BG-T04");
        // the run refreshed this tenant's gauges itself (the whole fleet is reloaded only every minute)
        assertThat(io.restassured.RestAssured.get("/q/metrics").asString())
                .contains("glasswarden_accounts{status=\"" + status + "\",tenant=\"" + tenantId + "\"} 1.0")
                .contains("glasswarden_accounts{status=\"UNEVALUATED\",tenant=\"" + tenantId + "\"} 0.0");
    }

    @Test
    void aTenantThatTrustsItsCertificateAuthorityOnlyInAPkiPassesBg018() {
        String tenantId = newLiveTenantWithAccount();
        var server = LiveGraphResource.graph.server;
        String pki = "7f3c1b2a-0000-4000-8000-00000000000a";
        List<StubMapping> overrides = List.of(
                // in no group that the X.509 policy excludes
                server.stubFor(get(urlPathMatching("/v1.0/users/[^/]+/transitiveMemberOf/microsoft.graph.group"))
                        .atPriority(1)
                        .willReturn(TenantFixture.json("{\"value\":[{\"id\":\"" + TenantFixture.ROLE_GROUP
                                + "\",\"displayName\":\"sg-breakglass-roles\",\"isAssignableToRole\":true}]}"))),
                server.stubFor(get(urlPathMatching("/v1.0/organization/[^/]+/certificateBasedAuthConfiguration"))
                        .atPriority(1)
                        .willReturn(TenantFixture.json("{\"value\":[]}"))),
                server.stubFor(get(urlPathEqualTo(TenantFixture.PKIS)).atPriority(1)
                        .willReturn(TenantFixture.json("{\"value\":[{\"id\":\"" + pki
                                + "\",\"displayName\":\"Contoso PKI\",\"status\":\"succeeded\"}]}"))),
                server.stubFor(get(urlPathEqualTo(TenantFixture.PKIS + "/" + pki + "/certificateAuthorities"))
                        .atPriority(1)
                        .willReturn(TenantFixture.json("""
                                {"value":[{"id":"ca-1","certificateAuthorityType":"root","issuer":"CN=Contoso PKI Root",
                                  "issuerSubjectKeyIdentifier":"A1B2C3","expirationDateTime":"2035-01-01T00:00:00Z",
                                  "certificate":null,"isIssuerHintEnabled":false}]}
                                """))));
        try {
            JsonPath evaluation = evaluate(tenantId, "COMPLETED");

            JsonPath results = ApiKeys.as(Roles.AUDITOR)
                    .get("/api/v1/evaluations/" + evaluation.getString("id") + "/results")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(result(results, "BG-018")).isEqualTo("PASS");
        } finally {
            overrides.forEach(server::removeStub);
        }
    }

    @Test
    void anAuthorityThatRefusesTheCredentialFailsTheEvaluationClearlyAndKeepsTheLastResults() {
        String tenantId = newLiveTenantWithAccount();
        String lastCompleted = evaluate(tenantId, "COMPLETED").getString("id");
        LiveGraphResource.authority.server.resetAll();
        // Entra's answer to a wrong secret (learn.microsoft.com/entra/identity-platform/reference-error-codes)
        LiveGraphResource.authority.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/[^/]+/oauth2/v2.0/token"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid"
                                + " client secret provided.\",\"error_codes\":[7000215]}")));
        try {
            JsonPath evaluation = evaluate(tenantId, "FAILED");

            assertThat(evaluation.getString("error")).contains("AADSTS7000215")
                    .contains("The client secret is not valid")
                    .doesNotContain("test-only-client-secret");
            // nothing lost: no results for the failed run, the tenant's readiness is still the last completed one
            ApiKeys.as(Roles.AUDITOR)
                    .get("/api/v1/evaluations/" + evaluation.getString("id") + "/results")
                    .then()
                    .statusCode(409);
            assertThat(ApiKeys.as(Roles.AUDITOR)
                    .get("/api/v1/tenants/" + tenantId + "/readiness")
                    .jsonPath()
                    .getString("evaluationId")).isEqualTo(lastCompleted);
        } finally {
            LiveGraphResource.authority.server.resetAll();
            LiveGraphResource.authority.issueTokens();
        }
    }

    static String newLiveTenantWithAccount() {
        String tenantId = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Live", "directory", "graph"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("objectId", TenantFixture.USER, "custodians", List.of(
                        Map.of("name", "Ada", "email", "ada@contoso.com"),
                        Map.of("name", "Bo", "email", "bo@contoso.com"))))
                .post("/api/v1/tenants/" + tenantId + "/accounts")
                .then()
                .statusCode(201);
        return tenantId;
    }

    static JsonPath evaluate(String tenantId, String expectedStatus) {
        String id = ApiKeys.as(Roles.OPERATOR)
                .post("/api/v1/tenants/" + tenantId + "/evaluations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/" + id).jsonPath().getString("status"),
                        status -> status.equals("COMPLETED") || status.equals("FAILED"));
        JsonPath evaluation = ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/" + id).jsonPath();
        assertThat(evaluation.getString("status")).isEqualTo(expectedStatus);
        return evaluation;
    }

    static String result(JsonPath results, String ruleId) {
        return results.getString("accounts[0].findings.find { it.ruleId == '" + ruleId + "' }.result");
    }
}
