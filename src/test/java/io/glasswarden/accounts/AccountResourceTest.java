package io.glasswarden.accounts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class AccountResourceTest {

    static final String PROBLEM = "application/problem+json";
    private String tenantId;

    @BeforeEach
    void newTenant() {
        tenantId = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Contoso"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
    }

    // Issue 9 finding 7: a custodian cannot tell a tenant that does not exist from one where they keep no account.
    @Test
    void custodiansGetTheSameAnswerForUnknownTenantsAndTenantsTheyKeepNothingIn() {
        createAccount("bg-01@contoso.onmicrosoft.com", UUID.randomUUID().toString(), "bob@contoso.com");
        String ada = ApiKeys.custodian("ada@contoso.com");
        String someone = UUID.randomUUID().toString();

        for (String tenant : List.of(tenantId, UUID.randomUUID().toString())) {
            given().auth()
                    .oauth2(ada)
                    .get("/api/v1/tenants/" + tenant + "/accounts")
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM)
                    .body("detail", equalTo("No tenant with id " + tenant + "."));
            given().auth()
                    .oauth2(ada)
                    .get("/api/v1/tenants/" + tenant + "/accounts/" + someone)
                    .then()
                    .statusCode(404)
                    .body("detail", equalTo("No account with id " + someone + "."));
            given().auth()
                    .oauth2(ada)
                    .queryParam("tenantId", tenant)
                    .get("/api/v1/drills")
                    .then()
                    .statusCode(404)
                    .body("detail", equalTo("No tenant with id " + tenant + "."));
        }
        // Where they do keep an account, they see it (and only it).
        String[] own = {createAccount("bg-02@contoso.onmicrosoft.com", UUID.randomUUID().toString(),
                "ada@contoso.com")};
        given().auth()
                .oauth2(ada)
                .get(accountsPath())
                .then()
                .statusCode(200)
                .body("items.id", contains(own[0]));
    }

    private String accountsPath() {
        return "/api/v1/tenants/" + tenantId + "/accounts";
    }

    private ValidatableResponse create(Object body) {
        return ApiKeys.as(Roles.OPERATOR).contentType(ContentType.JSON).body(body).post(accountsPath()).then();
    }

    private String createAccount(String upn, String objectId, String... custodianEmails) {
        List<Map<String, String>> custodians = java.util.Arrays.stream(custodianEmails)
                .map(e -> Map.of("name", "Custodian " + e, "email", e))
                .toList();
        return create(Map.of("userPrincipalName", upn, "objectId", objectId, "custodians", custodians))
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void createdAccountShowsInventoryAndNoReadinessYet() {
        String objectId = UUID.randomUUID().toString();
        create(Map.of("userPrincipalName", "bg-01@contoso.onmicrosoft.com", "objectId", objectId.toUpperCase(),
                "displayName", "Emergency access 01", "expectsCertificateAuth", false,
                "custodians", List.of(Map.of("name", "Ada Admin", "email", "Ada@Contoso.com")),
                "keys", List.of(Map.of("label", "BG-01 key A", "serialNumber", "19361234", "location", "Safe 1")),
                "notes", "Sealed envelope in safe 1"))
                .statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", notNullValue())
                .body("id", notNullValue())
                .body("tenantId", equalTo(tenantId))
                .body("objectId", equalTo(objectId))
                .body("custodians[0].email", equalTo("ada@contoso.com"))
                .body("keys[0].serialNumber", equalTo("19361234"))
                .body("lifecycleState", equalTo("ACTIVE"))
                .body("readiness", nullValue());
    }

    @ParameterizedTest(name = "{0} is rejected")
    @CsvSource(delimiter = '|', value = {
            "no identifier|{\"displayName\":\"X\"}|objectId",
            "object id not a GUID|{\"objectId\":\"bg-01\"}|objectId",
            "UPN without domain|{\"userPrincipalName\":\"bg-01\"}|userPrincipalName",
            "custodian e-mail invalid|{\"objectId\":\"%s\",\"custodians\":[{\"name\":\"Ada\",\"email\":\"ada\"}]}|custodians[0].email",
            "custodian without name|{\"objectId\":\"%s\",\"custodians\":[{\"email\":\"ada@contoso.com\"}]}|custodians[0].name",
            "custodian listed twice|{\"objectId\":\"%s\",\"custodians\":[{\"name\":\"A\",\"email\":\"a@contoso.com\"},{\"name\":\"B\",\"email\":\"A@contoso.com\"}]}|custodians[1].email",
            "key without label|{\"objectId\":\"%s\",\"keys\":[{\"serialNumber\":\"1\"}]}|keys[0].label",
            "unknown property|{\"objectId\":\"%s\",\"lifecycleState\":\"RETIRED\"}|lifecycleState",
            "wrong type|{\"objectId\":\"%s\",\"expectsCertificateAuth\":\"maybe\"}|expectsCertificateAuth"})
    void invalidAccountIsRejectedWithAProblemAndNothingIsStored(String caseName, String body, String field) {
        create(body.replace("%s", UUID.randomUUID().toString()))
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://glasswarden.io/problems/validation"))
                .body("errors.field", hasItem(field));
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("lifecycleState", "ALL")
                .get(accountsPath())
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anAccountIsInventoriedOnceWhileActive() {
        String objectId = UUID.randomUUID().toString();
        String first = createAccount("bg-02@contoso.onmicrosoft.com", objectId);
        create(Map.of("objectId", objectId)).statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://glasswarden.io/problems/conflict"));
        create(Map.of("userPrincipalName", "BG-02@CONTOSO.onmicrosoft.com")).statusCode(409);

        ApiKeys.as(Roles.ADMIN).delete(accountsPath() + "/" + first).then().statusCode(200);
        create(Map.of("objectId", objectId)).statusCode(201);
    }

    @Test
    void accountsOfOneTenantAreNotFoundThroughAnother() {
        String account = createAccount("bg-03@contoso.onmicrosoft.com", UUID.randomUUID().toString());
        String otherTenant = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", otherTenant, "displayName", "Other"))
                .post("/api/v1/tenants");
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + otherTenant + "/accounts/" + account)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        ApiKeys.as(Roles.AUDITOR).get(accountsPath() + "/" + UUID.randomUUID()).then().statusCode(404);
        ApiKeys.as(Roles.AUDITOR).get(accountsPath() + "/not-a-uuid").then().statusCode(404);
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/tenants/" + UUID.randomUUID() + "/accounts").then().statusCode(404);
    }

    @Test
    void listFiltersByReadinessStatusAndLifecycle() {
        createAccount("bg-04@contoso.onmicrosoft.com", UUID.randomUUID().toString());
        String retired = createAccount("bg-05@contoso.onmicrosoft.com", UUID.randomUUID().toString());
        ApiKeys.as(Roles.ADMIN).delete(accountsPath() + "/" + retired).then().statusCode(200);

        ApiKeys.as(Roles.AUDITOR).get(accountsPath()).then().statusCode(200).body("total", equalTo(1));
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("lifecycleState", "ALL")
                .get(accountsPath())
                .then()
                .body("total", equalTo(2));
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("lifecycleState", "RETIRED")
                .get(accountsPath())
                .then()
                .body("items.id", contains(retired));
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("status", "NOT_READY")
                .get(accountsPath())
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("status", "BROKEN")
                .get(accountsPath())
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("status"));
    }

    @Test
    void mergePatchReplacesListsAndHonoursIfMatch() {
        String id = createAccount("bg-06@contoso.onmicrosoft.com", UUID.randomUUID().toString(), "a@contoso.com");
        String etag = ApiKeys.as(Roles.AUDITOR).get(accountsPath() + "/" + id).then().extract().header("ETag");
        ApiKeys.as(Roles.OPERATOR)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"custodians\":[{\"name\":\"Bo\",\"email\":\"bo@contoso.com\"},"
                        + "{\"name\":\"Cy\",\"email\":\"cy@contoso.com\"}],\"notes\":\"rotated\"}")
                .patch(accountsPath() + "/" + id)
                .then()
                .statusCode(200)
                .body("custodians.email", containsInAnyOrder("bo@contoso.com", "cy@contoso.com"))
                .body("notes", equalTo("rotated"))
                .body("userPrincipalName", equalTo("bg-06@contoso.onmicrosoft.com"));
        ApiKeys.as(Roles.OPERATOR)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"notes\":\"stale\"}")
                .patch(accountsPath() + "/" + id)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://glasswarden.io/problems/stale-etag"));
        ApiKeys.as(Roles.OPERATOR)
                .contentType("application/merge-patch+json")
                .body("{\"objectId\":null,\"userPrincipalName\":null}")
                .patch(accountsPath() + "/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("objectId"));
        ApiKeys.as(Roles.AUDITOR).get(accountsPath() + "/" + id).then().body("notes", equalTo("rotated"));
    }

    @Test
    void retiringNeedsAnAdminAndKeepsTheAccountReadOnly() {
        String id = createAccount("bg-07@contoso.onmicrosoft.com", UUID.randomUUID().toString());
        ApiKeys.as(Roles.OPERATOR).delete(accountsPath() + "/" + id).then().statusCode(403);
        ApiKeys.as(Roles.ADMIN)
                .delete(accountsPath() + "/" + id)
                .then()
                .statusCode(200)
                .body("lifecycleState", equalTo("RETIRED"));
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"notes\":\"x\"}")
                .patch(accountsPath() + "/" + id)
                .then()
                .statusCode(409);
        ApiKeys.as(Roles.ADMIN).delete(accountsPath() + "/" + id).then().statusCode(409);
    }

    @Test
    void retiredTenantTakesNoNewAccounts() {
        ApiKeys.as(Roles.ADMIN).delete("/api/v1/tenants/" + tenantId).then().statusCode(200);
        create(Map.of("objectId", UUID.randomUUID().toString())).statusCode(409);
    }

    @Test
    void custodiansSeeOnlyTheirOwnAccountsAndCannotChangeThem() {
        String mine = createAccount("bg-08@contoso.onmicrosoft.com", UUID.randomUUID().toString(),
                "ada@contoso.com", "bo@contoso.com");
        String theirs = createAccount("bg-09@contoso.onmicrosoft.com", UUID.randomUUID().toString(),
                "cy@contoso.com");
        String ada = ApiKeys.custodian("Ada@Contoso.com");

        given().auth()
                .oauth2(ada)
                .get(accountsPath())
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains(mine));
        given().auth().oauth2(ada).get(accountsPath() + "/" + mine).then().statusCode(200);
        given().auth().oauth2(ada).get(accountsPath() + "/" + theirs).then().statusCode(404);
        given().auth()
                .oauth2(ada)
                .contentType(ContentType.JSON)
                .body("{\"notes\":\"x\"}")
                .patch(accountsPath() + "/" + mine)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(ada)
                .contentType(ContentType.JSON)
                .body(Map.of("objectId", UUID.randomUUID().toString()))
                .post(accountsPath())
                .then()
                .statusCode(403);
    }

    @Test
    void noCredentialsIsUnauthorized() {
        given().get(accountsPath()).then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{}").post(accountsPath()).then().statusCode(401);
    }
}
