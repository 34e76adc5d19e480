package io.glasswarden.security;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Who may call what: every endpoint, called by every kind of caller. To cover a new endpoint, add one
 * {@link #endpoint} line to {@link #ENDPOINTS} naming the roles of its {@code @RolesAllowed} and its success status;
 * the rows for all callers (admin, operator, auditor, custodian, no credentials) follow from the role hierarchy.
 * Path placeholders such as <code>{apiKeyId}</code> are filled from {@link #PLACEHOLDERS} with a fresh resource for
 * each row (so that a DELETE has something to delete).
 */
@QuarkusTest
class RoleMatrixTest {

    /** The caller with no credentials at all. */
    static final String NONE = "none";
    static final String CUSTODIAN_EMAIL = "matrix-custodian@contoso.com";

    static final List<Endpoint> ENDPOINTS = List.of(
            endpoint("GET", "/api/v1/me", null, 200, Roles.AUDITOR, Roles.CUSTODIAN),
            endpoint("GET", "/api/v1/api-keys", null, 200, Roles.ADMIN),
            endpoint("POST", "/api/v1/api-keys", () -> Map.of("name", "matrix " + UUID.randomUUID(), "role",
                    Roles.AUDITOR), 201, Roles.ADMIN),
            endpoint("GET", "/api/v1/api-keys/{apiKeyId}", null, 200, Roles.ADMIN),
            endpoint("DELETE", "/api/v1/api-keys/{apiKeyId}", null, 204, Roles.ADMIN),
            endpoint("GET", "/api/v1/tenants", null, 200, Roles.AUDITOR),
            endpoint("POST", "/api/v1/tenants", () -> Map.of("tenantId", UUID.randomUUID().toString(),
                    "displayName", "Matrix"), 201, Roles.OPERATOR),
            endpoint("GET", "/api/v1/tenants/{tenantId}", null, 200, Roles.AUDITOR),
            endpoint("PATCH", "/api/v1/tenants/{tenantId}", () -> Map.of("displayName", "Renamed"), 200,
                    Roles.OPERATOR),
            endpoint("DELETE", "/api/v1/tenants/{tenantId}", null, 200, Roles.ADMIN),
            // A tenant where the custodian keeps an account: others answer custodians 404 (no existence oracle).
            endpoint("GET", "/api/v1/tenants/{custodiansTenant}/accounts", null, 200, Roles.AUDITOR,
                    Roles.CUSTODIAN),
            endpoint("POST", "/api/v1/tenants/{tenantId}/accounts", () -> Map.of("objectId",
                    UUID.randomUUID().toString()), 201, Roles.OPERATOR),
            // the matrix custodian is custodian of every account created for these rows
            endpoint("GET", "/api/v1/tenants/{tenantAccount}", null, 200, Roles.AUDITOR, Roles.CUSTODIAN),
            endpoint("PATCH", "/api/v1/tenants/{tenantAccount}", () -> Map.of("notes", "patched"), 200,
                    Roles.OPERATOR),
            endpoint("DELETE", "/api/v1/tenants/{tenantAccount}", null, 200, Roles.ADMIN),
            endpoint("POST", "/api/v1/tenants/{tenantId}/evaluations", null, 202, Roles.OPERATOR),
            // without a Graph credential (test profile) the check answers 200 with token NOT_CONFIGURED
            endpoint("GET", "/api/v1/tenants/{tenantId}/connection", null, 200, Roles.OPERATOR),
            endpoint("GET", "/api/v1/evaluations/{evaluationId}", null, 200, Roles.AUDITOR),
            endpoint("GET", "/api/v1/tenants/{tenantAccount}/readiness-history", null, 200, Roles.AUDITOR,
                    Roles.CUSTODIAN),
            endpoint("GET", "/api/v1/drills", null, 200, Roles.AUDITOR, Roles.CUSTODIAN),
            endpoint("POST", "/api/v1/tenants/{tenantAccount}/drills", () -> Map.of("performedAt",
                    java.time.Instant.now().minusSeconds(3600).toString(), "performedBy", CUSTODIAN_EMAIL,
                    "outcome", "SUCCEEDED"), 201, Roles.OPERATOR, Roles.CUSTODIAN),
            endpoint("GET", "/api/v1/tenants/{tenantAccount}/drills", null, 200, Roles.AUDITOR, Roles.CUSTODIAN),
            endpoint("POST", "/api/v1/tenants/{tenantAccount}/attestations", () -> Map.of("kind", "CUSTODY",
                    "attestedBy", CUSTODIAN_EMAIL, "statement", "Key in safe 1."), 201, Roles.OPERATOR,
                    Roles.CUSTODIAN),
            endpoint("GET", "/api/v1/tenants/{tenantAccount}/attestations", null, 200, Roles.AUDITOR,
                    Roles.CUSTODIAN),
            endpoint("GET", "/api/v1/tenants/{tenantAccount}/sign-ins", null, 200, Roles.AUDITOR,
                    Roles.CUSTODIAN),
            endpoint("GET", "/api/v1/tenants/{tenantId}/enforcement", null, 200, Roles.AUDITOR),
            endpoint("GET", "/api/v1/tenants/{tenantId}/enforcement-impact", null, 200, Roles.AUDITOR),
            endpoint("GET", "/api/v1/enforcement-impact", null, 200, Roles.AUDITOR),
            endpoint("GET", "/api/v1/tenants/{tenantAccount}/reviews", null, 200, Roles.AUDITOR,
                    Roles.CUSTODIAN),
            // no review is open on a fresh account: past the role check the answer is 409 (PostUseReviewTest: 200)
            endpoint("POST", "/api/v1/tenants/{tenantAccount}/reviews", () -> Map.of("action", "ROTATED", "note",
                    "new keys"), 409, Roles.OPERATOR),
            endpoint("GET", "/api/v1/ledger/verify", null, 200, Roles.AUDITOR),
            endpoint("GET", "/api/v1/ledger/entries", null, 200, Roles.AUDITOR),
            endpoint("GET", "/api/v1/tenants/{tenantId}/evidence", null, 200, Roles.AUDITOR),
            endpoint("GET", "/api/v1/webhooks", null, 200, Roles.ADMIN),
            endpoint("POST", "/api/v1/webhooks", () -> Map.of("url", "https://hooks.example.test/matrix"), 201,
                    Roles.ADMIN),
            endpoint("GET", "/api/v1/webhooks/{webhookId}", null, 200, Roles.ADMIN),
            endpoint("POST", "/api/v1/webhooks/{webhookId}/rotate-secret", null, 200, Roles.ADMIN),
            endpoint("DELETE", "/api/v1/webhooks/{webhookId}", null, 204, Roles.ADMIN));

    static final Map<String, Supplier<String>> PLACEHOLDERS = Map.of(
            "{apiKeyId}", () -> ApiKeys.idOf(ApiKeys.create(Roles.AUDITOR, null)),
            "{tenantId}", RoleMatrixTest::newTenant,
            "{tenantAccount}", RoleMatrixTest::newTenantAccount,
            "{custodiansTenant}", () -> newTenantAccount().split("/")[0],
            "{evaluationId}", RoleMatrixTest::newEvaluation,
            "{webhookId}", RoleMatrixTest::newWebhook);

    private static String newWebhook() {
        return given().auth()
                .oauth2(ApiKeys.bootstrap())
                .contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.example.test/" + UUID.randomUUID()))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String newEvaluation() {
        return given().auth()
                .oauth2(ApiKeys.bootstrap())
                .post("/api/v1/tenants/" + newTenant() + "/evaluations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static String newTenant() {
        String tenantId = UUID.randomUUID().toString();
        given().auth()
                .oauth2(ApiKeys.bootstrap())
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Matrix tenant"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        return tenantId;
    }

    /** A fresh account of a fresh tenant, as {@code <tenantId>/accounts/<accountId>}. */
    private static String newTenantAccount() {
        String tenantId = newTenant();
        String accountId = given().auth()
                .oauth2(ApiKeys.bootstrap())
                .contentType(ContentType.JSON)
                .body(Map.of("objectId", UUID.randomUUID().toString(), "custodians",
                        List.of(Map.of("name", "Matrix custodian", "email", CUSTODIAN_EMAIL))))
                .post("/api/v1/tenants/" + tenantId + "/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return tenantId + "/accounts/" + accountId;
    }

    /** api.md: admin ⊃ operator ⊃ auditor; custodian stands apart. */
    static final Map<String, Set<String>> EFFECTIVE_ROLES = Map.of(
            Roles.ADMIN, Set.of(Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR),
            Roles.OPERATOR, Set.of(Roles.OPERATOR, Roles.AUDITOR),
            Roles.AUDITOR, Set.of(Roles.AUDITOR),
            Roles.CUSTODIAN, Set.of(Roles.CUSTODIAN),
            NONE, Set.of());

    record Endpoint(String method, String path, Supplier<Object> body, int success, Set<String> allowed) {
    }

    static Endpoint endpoint(String method, String path, Supplier<Object> body, int success, String... allowed) {
        return new Endpoint(method, path, body, success, Set.of(allowed));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String caller : List.of(Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR, Roles.CUSTODIAN, NONE)) {
                rows.add(Arguments.of(caller, endpoint.method(), endpoint.path(), expected(caller, endpoint),
                        endpoint));
            }
        }
        return rows.stream();
    }

    private static int expected(String caller, Endpoint endpoint) {
        if (caller.equals(NONE)) {
            return 401;
        }
        boolean allowed = EFFECTIVE_ROLES.get(caller).stream().anyMatch(endpoint.allowed()::contains);
        return allowed ? endpoint.success() : 403;
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("matrix")
    void callerGetsTheStatusItsRoleAllows(String caller, String method, String path, int expected,
            Endpoint endpoint) {
        String resolved = path;
        for (var placeholder : PLACEHOLDERS.entrySet()) {
            if (resolved.contains(placeholder.getKey())) {
                resolved = resolved.replace(placeholder.getKey(), placeholder.getValue().get());
            }
        }
        RequestSpecification request = given();
        if (caller.equals(Roles.CUSTODIAN)) {
            request.auth().oauth2(custodianKey());
        } else if (!caller.equals(NONE)) {
            request.auth().oauth2(ApiKeys.of(caller));
        }
        if (endpoint.body() != null) {
            request.contentType(ContentType.JSON).body(endpoint.body().get());
        }

        request.request(method, resolved).then().statusCode(expected);
    }

    private static String custodianKey;

    private static synchronized String custodianKey() {
        if (custodianKey == null) {
            custodianKey = ApiKeys.custodian(CUSTODIAN_EMAIL);
        }
        return custodianKey;
    }
}
