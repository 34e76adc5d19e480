package io.glasswarden.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.glasswarden.lifecycle.Inventory;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Input that Java accepts but PostgreSQL cannot store or compute with (issue 9, finding 4): it must be refused at the
 * boundary with a 400 validation problem, never reach the database as a 500, and leave nothing stored.
 */
@QuarkusTest
class UnrepresentableInputTest {

    private static final String CUSTODIAN = "unrepresentable-custodian@contoso.com";

    /** page × size beyond 2^31 overflowed Panache's int offset (negative firstResult: 500). */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/tenants", "/api/v1/api-keys", "/api/v1/webhooks", "/api/v1/drills",
            "/api/v1/ledger/entries", "{account}/drills", "{account}/attestations", "{account}/sign-ins",
            "{account}/readiness-history", "{tenant}/accounts"})
    void pageNumberWhoseOffsetOverflowsIsAValidationProblem(String list) {
        String tenant = Inventory.tenant(Map.of());
        String account = "/api/v1/tenants/" + tenant + "/accounts/" + Inventory.account(tenant, CUSTODIAN)[0];
        String path = list.replace("{account}", account).replace("{tenant}", "/api/v1/tenants/" + tenant);

        validationProblem(ApiKeys.as(Roles.ADMIN)
                .queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 100)
                .get(path), "page");
        validationProblem(ApiKeys.as(Roles.ADMIN).queryParam("page", 21474837).queryParam("size", 100).get(path),
                "page");
        // the largest page whose offset fits is still an ordinary (empty) page
        ApiKeys.as(Roles.ADMIN)
                .queryParam("page", 21474836)
                .queryParam("size", 100)
                .get(path)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void custodiansReachTheListsToo() {
        String tenant = Inventory.tenant(Map.of());
        String account = Inventory.account(tenant, CUSTODIAN)[0];
        validationProblem(given().auth()
                .oauth2(ApiKeys.custodian(CUSTODIAN))
                .queryParam("page", Integer.MAX_VALUE)
                .get("/api/v1/tenants/" + tenant + "/accounts/" + account + "/attestations"), "page");
    }

    @Test
    void nulCharacterInAJsonStringIsRefusedNamingTheField() {
        String tenantId = UUID.randomUUID().toString();
        validationProblem(ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"tenantId\":\"" + tenantId + "\",\"displayName\":\"Contoso\\u0000\"}")
                .post("/api/v1/tenants"), "displayName");
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + tenantId).then().statusCode(404);
    }

    @Test
    void nulCharacterInNestedListsAndMapKeysIsRefused() {
        String tenant = Inventory.tenant(Map.of());
        validationProblem(ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"userPrincipalName\":\"bg-nul@contoso.onmicrosoft.com\",\"custodians\":[{\"name\":\"A\\u0000\","
                        + "\"email\":\"a@contoso.com\"}]}")
                .post("/api/v1/tenants/" + tenant + "/accounts"), "custodians[0].name");
        validationProblem(ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"settings\":{\"escalationContacts\":[\"a\\u0000@contoso.com\"]}}")
                .patch("/api/v1/tenants/" + tenant), "settings.escalationContacts[0]");
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenant + "/accounts")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void nulCharacterInAMergePatchIsRefused() {
        String tenant = Inventory.tenant(Map.of());
        validationProblem(ApiKeys.as(Roles.OPERATOR)
                .contentType("application/merge-patch+json")
                .body("{\"displayName\":\"\\u0000\"}")
                .patch("/api/v1/tenants/" + tenant), "displayName");
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenant)
                .then()
                .body("displayName", equalTo("Contoso " + tenant.substring(0, 8)));
    }

    @Test
    void nulCharacterInAPathOrQueryParameterIsRefused() {
        // sent as written: RestAssured would encode the % again
        validationProblem(ApiKeys.as(Roles.AUDITOR).urlEncodingEnabled(false).get("/api/v1/tenants/%00"), "path");
        validationProblem(ApiKeys.as(Roles.AUDITOR)
                .urlEncodingEnabled(false)
                .get(
                        "/api/v1/ledger/entries?tenantId=%00"),
                "tenantId");
        validationProblem(ApiKeys.as(Roles.AUDITOR).urlEncodingEnabled(false).get("/api/v1/evaluations/a%00b"),
                "path");
    }

    @Test
    void nulCharacterInASnapshotIsRefused() throws java.io.IOException {
        String tenant = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenant, "displayName", "Snapshot", "directory", "snapshot"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        String snapshot;
        try (var in = getClass().getClassLoader().getResourceAsStream("demo/contoso-snapshot.json")) {
            snapshot = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replaceAll("\\$\\{now(-\\d+d)?}", "2026-01-01T00:00:00Z")
                    .replace("00000000-0000-4000-8000-00000000de30", tenant)
                    .replace("Glasswarden demo data (fictitious tenant)", "demo\\u0000data");
        }
        validationProblem(ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(snapshot)
                .put("/api/v1/tenants/" + tenant + "/snapshot"), "source");
    }

    @Test
    void timestampOutsideTheStorableRangeIsRefused() {
        String tenant = Inventory.tenant(Map.of());
        String account = Inventory.account(tenant, CUSTODIAN)[0];
        for (String when : List.of("+294277-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "-4714-01-01T00:00:00Z",
                "-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z")) {
            validationProblem(ApiKeys.as(Roles.OPERATOR)
                    .contentType(ContentType.JSON)
                    .body(Map.of("performedAt", when, "performedBy", CUSTODIAN, "outcome", "SUCCEEDED"))
                    .post("/api/v1/tenants/" + tenant + "/accounts/" + account + "/drills"), "performedAt");
        }
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenant + "/accounts/" + account + "/drills")
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void nulCharacterInAnApiKeysCustodianEmailIsRefused() {
        validationProblem(ApiKeys.as(Roles.ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"nul\",\"role\":\"glasswarden.custodian\",\"email\":\"a\\u0000@contoso.com\"}")
                .post("/api/v1/api-keys"), "email");
    }

    private static void validationProblem(io.restassured.response.Response response, String field) {
        response.then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://glasswarden.io/problems/validation"))
                .body("errors.field", hasItem(field));
    }
}
