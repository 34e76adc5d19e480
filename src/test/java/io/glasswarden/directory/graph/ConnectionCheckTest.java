package io.glasswarden.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.glasswarden.connection.GraphAccess;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * {@code GET /api/v1/tenants/{tenantId}/connection} against the fake HTTPS token endpoint and the fake Graph: the
 * token's {@code roles} claim, {@code /subscribedSkus}, Entra's documented error bodies, the consent URL per cloud.
 */
@QuarkusTest
@TestProfile(GraphTenantEvaluationTest.LiveGraphProfile.class)
class ConnectionCheckTest {

    private static final String SECRET = "test-only-client-secret";
    private static final String CLIENT_ID = "00000000-0000-4000-8000-0000000000aa";
    private static final List<String> ALL = List.of("User.Read.All", "AuditLog.Read.All",
            "UserAuthenticationMethod.Read.All", "GroupMember.Read.All", "RoleManagement.Read.Directory",
            "Policy.Read.All", "Organization.Read.All", "PublicKeyInfrastructure.Read.All");
    // "List subscribedSkus" (learn.microsoft.com/graph/api/subscribedsku-list): response shape; plan ids from
    // "Product names and service plan identifiers for licensing"
    private static final String P1_PLAN = "{\"servicePlanId\":\"41781fb2-bc02-4b7c-bd55-b576c07bb09d\","
            + "\"servicePlanName\":\"AAD_PREMIUM\",\"provisioningStatus\":\"Success\",\"appliesTo\":\"User\"}";
    private static final String P2_PLAN = "{\"servicePlanId\":\"eec0eb4f-6444-4f95-aba0-50c24d67f998\","
            + "\"servicePlanName\":\"AAD_PREMIUM_P2\",\"provisioningStatus\":\"Success\",\"appliesTo\":\"User\"}";
    private static final String OTHER_PLAN = "{\"servicePlanId\":\"8c098270-9dd4-4350-9b30-ba4703f3b36b\","
            + "\"servicePlanName\":\"ADALLOM_S_O365\",\"provisioningStatus\":\"Success\",\"appliesTo\":\"Company\"}";

    private final List<StubMapping> authorityStubs = new ArrayList<>();
    private final List<StubMapping> graphStubs = new ArrayList<>();

    @AfterEach
    void removeStubs() {
        authorityStubs.forEach(LiveGraphResource.authority.server::removeStub);
        graphStubs.forEach(LiveGraphResource.graph.server::removeStub);
    }

    @Test
    void aTokenWithEveryPermissionAndP2IsReadyForAnEvaluation() {
        String tenantId = tenant("global", "graph");
        String token = issue(tenantId, ALL);
        skus(token, sku("AAD_PREMIUM_P2", "Enabled", P1_PLAN, P2_PLAN));

        JsonPath check = check(tenantId);

        assertThat(check.getString("token.status")).isEqualTo("OK");
        assertThat(check.getList("permissions.granted", String.class)).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(check.getList("permissions.missing")).isEmpty();
        assertThat(check.getList("permissions.required", String.class)).containsExactlyElementsOf(ALL);
        assertThat(check.getBoolean("licences.entraIdP1")).isTrue();
        assertThat(check.getBoolean("licences.entraIdP2")).isTrue();
        assertThat(check.getString("adminConsentUrl"))
                .isEqualTo("https://login.microsoftonline.com/" + tenantId + "/adminconsent?client_id=" + CLIENT_ID);
        assertThat(check.getInt("graphRequests")).isEqualTo(1);
        assertThat(check.getList("nextSteps", String.class)).last().asString().contains("Run an evaluation");
    }

    @Test
    void missingPermissionsNameTheRulesTheyDegrade() {
        String tenantId = tenant("global", "graph");
        // no GroupMember.Read.All, no PKI store; Policy.Read.AuthenticationMethod instead of Policy.Read.All
        String token = issue(tenantId, List.of("User.Read.All", "AuditLog.Read.All",
                "UserAuthenticationMethod.Read.All", "RoleManagement.Read.Directory",
                "Policy.Read.AuthenticationMethod", "Organization.Read.All"));
        skus(token, sku("AAD_PREMIUM", "Enabled", P1_PLAN));

        JsonPath check = check(tenantId);

        assertThat(check.getString("token.status")).isEqualTo("OK");
        assertThat(check.getList("permissions.missing.permission", String.class)).containsExactly(
                "GroupMember.Read.All", "Policy.Read.All", "PublicKeyInfrastructure.Read.All");
        assertThat(missing(check, "GroupMember.Read.All", "rules"))
                .isEqualTo(List.of("BG-012", "BG-018", "BG-020", "BG-021", "BG-022", "BG-030"));
        assertThat(missing(check, "GroupMember.Read.All", "effect").toString())
                .contains("roles held through groups cannot be seen");
        // the methods policy is readable with Policy.Read.AuthenticationMethod: only Conditional Access degrades
        assertThat(missing(check, "Policy.Read.All", "rules"))
                .isEqualTo(List.of("BG-020", "BG-021", "BG-022", "BG-T04"));
        assertThat(missing(check, "PublicKeyInfrastructure.Read.All", "optional")).isEqualTo(true);
        assertThat(check.getList("nextSteps", String.class).get(0))
                .contains("Grant GroupMember.Read.All, Policy.Read.All:")
                .doesNotContain("PublicKeyInfrastructure")
                .contains("https://login.microsoftonline.com/" + tenantId + "/adminconsent");
    }

    @Test
    void aTokenWithoutRolesClaimHasNoPermissionGranted() {
        String tenantId = tenant("global", "graph");
        String token = issue(tenantId, null);
        skus(token, sku("AAD_PREMIUM", "Enabled", P1_PLAN));

        JsonPath check = check(tenantId);

        assertThat(check.getList("permissions.granted")).isEmpty();
        assertThat(check.getList("permissions.missing.permission", String.class))
                .containsExactlyElementsOf(GraphAccess.required());
    }

    @Test
    void p1WithoutP2() {
        String tenantId = tenant("global", "graph");
        skus(issue(tenantId, ALL), sku("ENTERPRISEPACK", "Enabled", OTHER_PLAN), sku("AAD_PREMIUM", "Warning",
                P1_PLAN));

        JsonPath check = check(tenantId);

        assertThat(check.getBoolean("licences.entraIdP1")).isTrue();
        assertThat(check.getBoolean("licences.entraIdP2")).isFalse();
        assertThat(check.getList("nextSteps", String.class)).anySatisfy(step -> assertThat(step)
                .contains("Without Microsoft Entra ID P2")
                .contains("BG-030"));
    }

    @Test
    void noPremiumPlanOrOnlyASuspendedOneIsNoLicence() {
        String tenantId = tenant("global", "graph");
        skus(issue(tenantId, ALL), sku("ENTERPRISEPACK", "Enabled", OTHER_PLAN),
                sku("AAD_PREMIUM_P2", "Suspended", P1_PLAN, P2_PLAN));

        JsonPath check = check(tenantId);

        assertThat(check.getBoolean("licences.entraIdP1")).isFalse();
        assertThat(check.getBoolean("licences.entraIdP2")).isFalse();
        assertThat(check.getList("nextSteps", String.class)).anySatisfy(step -> assertThat(step)
                .contains("Without Microsoft Entra ID P1")
                .contains("BG-040"));
    }

    @Test
    void unreadableLicencesAreUnknownNamingThePermission() {
        String tenantId = tenant("global", "graph");
        String token = issue(tenantId, List.of("User.Read.All"));
        graphStubs.add(LiveGraphResource.graph.server.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .atPriority(1)
                .willReturn(TenantFixture.error(403, "Authorization_RequestDenied"))));

        JsonPath check = check(tenantId);

        assertThat(check.getString("licences.entraIdP1")).isNull();
        assertThat(check.getString("licences.detail")).contains("Organization.Read.All");
    }

    static Stream<Arguments> refusals() {
        // Entra's error body (reference-error-codes: error, error_description, error_codes, timestamp, trace_id,
        // correlation_id, error_uri); statuses as Entra answers them: 400 for unauthorized_client/invalid_request/
        // invalid_grant, 401 for invalid_client (RFC 6749 §5.2). 70021: body as quoted in the Azure workload identity
        // troubleshooting page. 53003 for a service principal: status and error [UNCONFIRMED], modelled as invalid_grant.
        return Stream.of(
                Arguments.of(400, "unauthorized_client", 700016, "Application with identifier '" + CLIENT_ID
                        + "' was not found in the directory 'Contoso'.", "not found in this tenant"),
                Arguments.of(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret"
                        + " being sent in the request is the client secret value, not the client secret ID.",
                        "client secret is not valid"),
                Arguments.of(401, "invalid_client", 7000222, "The provided client secret keys for app '" + CLIENT_ID
                        + "' are expired.", "client secret has expired"),
                Arguments.of(400, "invalid_request", 90002, "Tenant 'x' not found. Check to make sure you have the"
                        + " correct tenant ID and are signing into the correct cloud.", "tenant was not found"),
                Arguments.of(400, "invalid_grant", 65001, "The user or administrator has not consented to use the"
                        + " application with ID '" + CLIENT_ID + "'.", "Admin consent is missing"),
                Arguments.of(401, "invalid_client", 700027, "Client assertion failed signature validation.",
                        "not uploaded to the app registration"),
                Arguments.of(400, "invalid_request", 70021, "No matching federated identity record found for"
                        + " presented assertion. Assertion Issuer: 'https://oidc.prod-aks.azure.com/x/'.",
                        "no federated identity credential"),
                Arguments.of(400, "invalid_grant", 53003, "Access has been blocked by Conditional Access policies.",
                        "Blocked by Conditional Access"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void aRefusedTokenGivesTheAadstsCodeInWordsAndNoSecret(int status, String error, int code, String text,
            String reason) {
        String tenantId = tenant("global", "graph");
        refuse(tenantId, status, error, code, text);

        try (LogCapture logs = LogCapture.start()) {
            String body = checkBody(tenantId);
            JsonPath check = new JsonPath(body);

            assertThat(check.getString("token.status")).isEqualTo("FAILED");
            assertThat(check.getString("token.code")).isEqualTo("AADSTS" + code);
            assertThat(check.getString("token.error")).isEqualTo(error);
            assertThat(check.getString("token.reason")).contains(reason);
            assertThat(check.getString("token.traceId")).isEqualTo("0000aaaa-11bb-cccc-dd33-eeeeee333333");
            assertThat(check.getString("token.correlationId")).isEqualTo("aaaa0000-bb11-2222-33cc-444444dddddd");
            assertThat(check.getString("permissions.granted")).isNull();
            assertThat(check.getString("permissions.detail")).contains("no access token");
            assertThat(check.getString("adminConsentUrl")).contains(tenantId + "/adminconsent");
            assertThat(check.getInt("graphRequests")).isZero();
            // neither the secret nor Microsoft's description (it names the tenant) is shown or logged
            assertThat(body).doesNotContain(SECRET).doesNotContain(text);
            assertThat(logs.text()).contains("AADSTS" + code).doesNotContain(SECRET);
        }
    }

    @Test
    void anEvaluationThatFailsOnTheTokenSaysWhatTheConnectionCheckSays() {
        String tenantId = tenant("global", "graph");
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("objectId", TenantFixture.USER))
                .post("/api/v1/tenants/" + tenantId + "/accounts")
                .then()
                .statusCode(201);
        refuse(tenantId, 400, "unauthorized_client", 700016, "Application with identifier '" + CLIENT_ID
                + "' was not found in the directory 'Contoso'.");

        JsonPath evaluation = GraphTenantEvaluationTest.evaluate(tenantId, "FAILED");

        assertThat(evaluation.getString("error"))
                .contains("AADSTS700016")
                .contains(check(tenantId).getString("token.reason"))
                .contains("https://login.microsoftonline.com/" + tenantId + "/adminconsent?client_id=" + CLIENT_ID)
                .doesNotContain(SECRET);
    }

    @Test
    void theConsentUrlUsesTheLoginHostOfTheTenantsCloud() {
        Map<String, String> hosts = Map.of("global", "https://login.microsoftonline.com/", "usgov",
                "https://login.microsoftonline.us/", "usgovdod", "https://login.microsoftonline.us/", "china",
                "https://login.chinacloudapi.cn/");
        hosts.forEach((cloud, host) -> {
            String tenantId = tenant(cloud, "graph");
            skus(issue(tenantId, ALL), sku("AAD_PREMIUM", "Enabled", P1_PLAN));

            JsonPath check = check(tenantId);

            assertThat(check.getString("cloud")).isEqualTo(cloud);
            assertThat(check.getString("adminConsentUrl"))
                    .isEqualTo(host + tenantId + "/adminconsent?client_id=" + CLIENT_ID);
        });
    }

    @Test
    void aSnapshotTenantIsNotApplicable() {
        String tenantId = tenant("global", "snapshot");

        JsonPath check = check(tenantId);

        assertThat(check.getString("directory")).isEqualTo("snapshot");
        assertThat(check.getString("token.status")).isEqualTo("NOT_APPLICABLE");
        assertThat(check.getString("token.reason")).contains("not applicable: snapshot directory");
        assertThat(check.getString("adminConsentUrl")).isNull();
        assertThat(check.getList("nextSteps")).isEmpty();
    }

    @Test
    void unknownAndMalformedTenantIdsAreNotFound() {
        ApiKeys.as(Roles.OPERATOR)
                .get("/api/v1/tenants/" + UUID.randomUUID() + "/connection")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        ApiKeys.as(Roles.OPERATOR)
                .get("/api/v1/tenants/not-a-guid/connection")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(LiveGraphResource.authority.server.getAllServeEvents()
                .stream()
                .filter(e -> e.getRequest().getUrl().contains("not-a-guid"))).isEmpty();
    }

    @Test
    void auditorsMayNotCheck() {
        String tenantId = tenant("global", "graph");
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + tenantId + "/connection").then().statusCode(403);
    }

    // --- helpers ---

    private static String tenant(String cloud, String directory) {
        String tenantId = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Check " + cloud, "cloud", cloud, "directory",
                        directory))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        return tenantId;
    }

    private static JsonPath check(String tenantId) {
        return new JsonPath(checkBody(tenantId));
    }

    private static String checkBody(String tenantId) {
        return ApiKeys.as(Roles.OPERATOR)
                .get("/api/v1/tenants/" + tenantId + "/connection")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static Object missing(JsonPath check, String permission, String field) {
        return check.get("permissions.missing.find { it.permission == '" + permission + "' }." + field);
    }

    /** An app-only access token as Entra issues it for Graph (a JWT; the signature is not checked by anyone here). */
    private String issue(String tenantId, List<String> roles) {
        String header = "{\"typ\":\"JWT\",\"alg\":\"RS256\",\"x5t\":\"fake\"}";
        String payload = "{\"aud\":\"https://graph.microsoft.com\",\"iss\":\"https://sts.windows.net/" + tenantId
                + "/\",\"tid\":\"" + tenantId + "\",\"appid\":\"" + CLIENT_ID + "\",\"idtyp\":\"app\""
                + (roles == null
                        ? ""
                        : ",\"roles\":[" + String.join(",", roles.stream()
                                .map(r -> "\"" + r + "\"")
                                .toList()) + "]")
                + "}";
        String token = b64(header) + "." + b64(payload) + ".c2lnbmF0dXJl";
        authorityStubs.add(LiveGraphResource.authority.server.stubFor(post(urlPathEqualTo("/" + tenantId
                + "/oauth2/v2.0/token")).atPriority(1)
                .willReturn(TenantFixture.json("{\"token_type\":\"Bearer\",\"expires_in\":3599,"
                        + "\"ext_expires_in\":3599,\"access_token\":\"" + token + "\"}"))));
        return token;
    }

    private void refuse(String tenantId, int status, String error, int code, String text) {
        String description = "AADSTS" + code + ": " + text + "\\r\\nTrace ID: 0000aaaa-11bb-cccc-dd33-eeeeee333333"
                + "\\r\\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\\r\\nTimestamp: 2026-01-09 02:02:12Z";
        authorityStubs.add(LiveGraphResource.authority.server.stubFor(post(urlPathEqualTo("/" + tenantId
                + "/oauth2/v2.0/token")).atPriority(1)
                .willReturn(aResponse().withStatus(status)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\","
                                + "\"error_codes\":[" + code + "],\"timestamp\":\"2026-01-09 02:02:12Z\","
                                + "\"trace_id\":\"0000aaaa-11bb-cccc-dd33-eeeeee333333\","
                                + "\"correlation_id\":\"aaaa0000-bb11-2222-33cc-444444dddddd\","
                                + "\"error_uri\":\"https://login.microsoftonline.com/error?code=" + code + "\"}"))));
    }

    private void skus(String token, String... skus) {
        graphStubs.add(LiveGraphResource.graph.server.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .atPriority(1)
                .willReturn(TenantFixture.json("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata"
                        + "#subscribedSkus\",\"value\":[" + String.join(",", skus) + "]}"))));
    }

    private static String sku(String partNumber, String capabilityStatus, String... plans) {
        return "{\"capabilityStatus\":\"" + capabilityStatus + "\",\"skuPartNumber\":\"" + partNumber
                + "\",\"servicePlans\":[" + String.join(",", plans) + "]}";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
