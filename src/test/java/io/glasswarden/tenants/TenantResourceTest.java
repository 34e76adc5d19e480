package io.glasswarden.tenants;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class TenantResourceTest {

    static final String PROBLEM = "application/problem+json";

    static String newTenantId() {
        return UUID.randomUUID().toString();
    }

    static String createTenant(String tenantId, String displayName) {
        return ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", displayName))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201)
                .extract()
                .header("ETag");
    }

    @Test
    void createdTenantHasLocationETagAndTheDefaultSettings() {
        String tenantId = newTenantId();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId.toUpperCase(), "displayName", "Contoso", "cloud", "usgov"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/tenants/" + tenantId))
                .header("ETag", notNullValue())
                .body("tenantId", equalTo(tenantId))
                .body("cloud", equalTo("usgov"))
                .body("directory", equalTo("graph"))
                .body("lifecycleState", equalTo("ACTIVE"))
                .body("settings.minUsableCredentials", equalTo(2))
                .body("settings.drillIntervalDays", equalTo(90))
                .body("settings.attestationIntervalDays", equalTo(90))
                .body("settings.reminderLeadDays", equalTo(14))
                .body("settings.requireInitialDomain", equalTo(true))
                .body("settings.allowSyncedPasskeys", equalTo(false))
                .body("settings.evaluationCron", equalTo("0 0 */6 * * ?"));
    }

    @Test
    void omittedSettingsTakeTheDefaultsAndGivenOnesAreKept() {
        String tenantId = newTenantId();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Fabrikam", "directory", "snapshot", "settings",
                        Map.of("minUsableCredentials", 3, "allowedFallbackMethods", new String[]{"phone"},
                                "approvedAaguids", new String[]{"CB69481E-8FF7-4039-93EC-0A2729A154A8"})))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201)
                .body("directory", equalTo("snapshot"))
                .body("settings.minUsableCredentials", equalTo(3))
                .body("settings.allowedFallbackMethods", contains("phone"))
                .body("settings.approvedAaguids", contains("cb69481e-8ff7-4039-93ec-0a2729a154a8"))
                .body("settings.drillIntervalDays", equalTo(90));
    }

    @ParameterizedTest(name = "{0} is rejected")
    @CsvSource(delimiter = '|', value = {
            "missing tenant id|{\"displayName\":\"X\"}|tenantId",
            "tenant id not a GUID|{\"tenantId\":\"contoso\",\"displayName\":\"X\"}|tenantId",
            "blank display name|{\"tenantId\":\"%s\",\"displayName\":\" \"}|displayName",
            "unknown cloud|{\"tenantId\":\"%s\",\"displayName\":\"X\",\"cloud\":\"mars\"}|cloud",
            "unknown property|{\"tenantId\":\"%s\",\"displayName\":\"X\",\"admin\":true}|admin",
            "too few credentials|{\"tenantId\":\"%s\",\"displayName\":\"X\",\"settings\":{\"minUsableCredentials\":0}}|settings.minUsableCredentials",
            "unknown fallback|{\"tenantId\":\"%s\",\"displayName\":\"X\",\"settings\":{\"allowedFallbackMethods\":[\"sms\"]}}|settings.allowedFallbackMethods[0]",
            "bad AAGUID|{\"tenantId\":\"%s\",\"displayName\":\"X\",\"settings\":{\"approvedAaguids\":[\"yubikey\"]}}|settings.approvedAaguids[0]",
            "bad cron|{\"tenantId\":\"%s\",\"displayName\":\"X\",\"settings\":{\"evaluationCron\":\"every day\"}}|settings.evaluationCron",
            "lead not before due|{\"tenantId\":\"%s\",\"displayName\":\"X\",\"settings\":{\"drillIntervalDays\":10,\"reminderLeadDays\":10}}|settings.reminderLeadDays",
            "wrong type|{\"tenantId\":\"%s\",\"displayName\":\"X\",\"settings\":{\"drillIntervalDays\":\"ninety\"}}|settings.drillIntervalDays"})
    void invalidTenantIsRejectedWithAProblemNamingTheFieldAndNothingIsStored(String caseName, String body,
            String field) {
        String tenantId = newTenantId();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(body.replace("%s", tenantId))
                .post("/api/v1/tenants")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://glasswarden.io/problems/validation"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")));
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + tenantId).then().statusCode(404);
    }

    @Test
    void malformedJsonIsAProblemWithoutParserDetails() {
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"tenantId\": ")
                .post("/api/v1/tenants")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://glasswarden.io/problems/malformed-request"))
                .body(not(containsString("jackson")));
    }

    @Test
    void duplicateTenantIsAConflict() {
        String tenantId = newTenantId();
        createTenant(tenantId, "First");
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Second"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://glasswarden.io/problems/conflict"));
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + tenantId).then().body("displayName", equalTo("First"));
    }

    @Test
    void listIsPagedAndValidatesPaging() {
        for (int i = 0; i < 3; i++) {
            createTenant(newTenantId(), "Paged " + i);
        }
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("size", 2)
                .get("/api/v1/tenants")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("size", 101)
                .get("/api/v1/tenants")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("size"));
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("page", -1)
                .get("/api/v1/tenants")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("page"));
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("size", "ten")
                .get("/api/v1/tenants")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("size"));
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("lifecycleState", "GONE")
                .get("/api/v1/tenants")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("lifecycleState"));
    }

    @Test
    void unknownOrMalformedTenantIdIsNotFound() {
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + newTenantId())
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo("https://glasswarden.io/problems/not-found"));
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/not-a-guid").then().statusCode(404);
    }

    @Test
    void mergePatchChangesOnlyWhatItNamesAndMovesTheETag() {
        String tenantId = newTenantId();
        String etag = createTenant(tenantId, "Before");
        String newEtag = ApiKeys.as(Roles.OPERATOR)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"displayName\":\"After\",\"settings\":{\"drillIntervalDays\":30}}")
                .patch("/api/v1/tenants/" + tenantId)
                .then()
                .statusCode(200)
                .body("displayName", equalTo("After"))
                .body("settings.drillIntervalDays", equalTo(30))
                .body("settings.minUsableCredentials", equalTo(2))
                .extract()
                .header("ETag");
        org.assertj.core.api.Assertions.assertThat(newEtag).isNotEqualTo(etag);
    }

    @Test
    void patchWithAStaleETagIsAConflictAndChangesNothing() {
        String tenantId = newTenantId();
        String etag = createTenant(tenantId, "Original");
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"displayName\":\"One\"}")
                .patch("/api/v1/tenants/" + tenantId)
                .then()
                .statusCode(200);
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"displayName\":\"Two\"}")
                .patch("/api/v1/tenants/" + tenantId)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://glasswarden.io/problems/stale-etag"));
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + tenantId).then().body("displayName", equalTo("One"));
    }

    @ParameterizedTest(name = "patch {0} is rejected")
    @CsvSource(delimiter = '|', value = {
            "read-only tenantId|{\"tenantId\":\"00000000-0000-0000-0000-000000000000\"}|tenantId",
            "unknown property|{\"colour\":\"blue\"}|colour",
            "invalid setting|{\"settings\":{\"drillIntervalDays\":0}}|settings.drillIntervalDays",
            "removed required name|{\"displayName\":null}|displayName"})
    void invalidPatchIsRejectedAndChangesNothing(String caseName, String patch, String field) {
        String tenantId = newTenantId();
        createTenant(tenantId, "Unchanged");
        ApiKeys.as(Roles.OPERATOR)
                .contentType("application/merge-patch+json")
                .body(patch)
                .patch("/api/v1/tenants/" + tenantId)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem(field));
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId)
                .then()
                .body("displayName", equalTo("Unchanged"))
                .body("settings.drillIntervalDays", equalTo(90));
    }

    @Test
    void retiredTenantIsKeptReadOnlyAndHiddenFromTheDefaultList() {
        String tenantId = newTenantId();
        createTenant(tenantId, "Offboarded");
        ApiKeys.as(Roles.OPERATOR).delete("/api/v1/tenants/" + tenantId).then().statusCode(403);
        ApiKeys.as(Roles.ADMIN)
                .delete("/api/v1/tenants/" + tenantId)
                .then()
                .statusCode(200)
                .body("lifecycleState", equalTo("RETIRED"))
                .body("retiredAt", notNullValue());
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + tenantId).then().statusCode(200);
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"displayName\":\"Back\"}")
                .patch("/api/v1/tenants/" + tenantId)
                .then()
                .statusCode(409);
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("size", 100)
                .get("/api/v1/tenants")
                .then()
                .body("items.tenantId", not(hasItem(tenantId)));
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("lifecycleState", "RETIRED")
                .queryParam("size", 100)
                .get("/api/v1/tenants")
                .then()
                .body("items.tenantId", hasItem(tenantId));
    }

    @Test
    void callersWithoutCredentialsOrWithTooWeakARoleAreRefused() {
        given().get("/api/v1/tenants")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2("gwk_not-a-real-key").get("/api/v1/tenants").then().statusCode(401);
        ApiKeys.as(Roles.AUDITOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", newTenantId(), "displayName", "X"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo("https://glasswarden.io/problems/forbidden"));
        given().auth()
                .oauth2(ApiKeys.custodian("someone@contoso.com"))
                .get("/api/v1/tenants")
                .then()
                .statusCode(403);
    }

    @Test
    void wrongMediaTypeAndOversizedBodyAreProblems() {
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.TEXT)
                .body("tenant")
                .post("/api/v1/tenants")
                .then()
                .statusCode(415)
                .contentType(PROBLEM);
        String huge = "{\"tenantId\":\"" + newTenantId() + "\",\"displayName\":\"" + "x".repeat(1024 * 1024) + "\"}";
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(huge)
                .post("/api/v1/tenants")
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("type", equalTo("https://glasswarden.io/problems/payload-too-large"));
    }

    @Test
    void readsShowNoRetiredAtForActiveTenants() {
        String tenantId = newTenantId();
        createTenant(tenantId, "Active");
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("retiredAt", nullValue());
    }
}
