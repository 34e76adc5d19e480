package io.glasswarden.attestations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glasswarden.lifecycle.Inventory;
import io.glasswarden.lifecycle.LedgerTypes;
import io.glasswarden.lifecycle.LifecycleProfile;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(LifecycleProfile.class)
class AttestationResourceTest {

    private String tenant;
    private String[] account;

    @BeforeEach
    void inventory() {
        tenant = Inventory.tenant(Map.of());
        account = Inventory.account(tenant, "ada@contoso.com");
    }

    @Test
    void attestationIsRecordedListedAndLedgered() {
        String location = ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(attestation())
                .post(attestations())
                .then()
                .statusCode(201)
                .body("kind", equalTo("CUSTODY"))
                .body("keysSighted", equalTo(List.of("key A")))
                .body("channel", equalTo("API"))
                .extract()
                .header("Location");

        String id = ApiKeys.as(Roles.AUDITOR).get(location).then().statusCode(200).extract().path("id");
        ApiKeys.as(Roles.AUDITOR).get(attestations()).then().statusCode(200).body("total", equalTo(1));
        assertThat(LedgerTypes.of(id)).containsExactly("ATTESTATION_RECORDED");
    }

    @Test
    void attestationsAreAppendOnlyEvenForAdmins() {
        String location = ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(attestation())
                .post(attestations())
                .then()
                .statusCode(201)
                .extract()
                .header("Location");

        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            ApiKeys.as(Roles.ADMIN)
                    .contentType(ContentType.JSON)
                    .body(attestation())
                    .request(method, location)
                    .then()
                    .statusCode(405)
                    .contentType("application/problem+json");
        }
        ApiKeys.as(Roles.ADMIN).delete(attestations()).then().statusCode(405);
        ApiKeys.as(Roles.AUDITOR)
                .get(location)
                .then()
                .statusCode(200)
                .body("statement", equalTo(
                        "Both keys in safe 1, seals intact."));
    }

    @Test
    void invalidAttestationIsRefusedAndNothingIsStored() {
        Map<String, Object> noStatement = attestation();
        noStatement.remove("statement");
        Map<String, Object> badKind = attestation();
        badKind.put("kind", "VIBES");
        Map<String, Object> unknownProperty = attestation();
        unknownProperty.put("approved", true);

        for (Map<String, Object> body : List.of(noStatement, badKind, unknownProperty)) {
            ApiKeys.as(Roles.OPERATOR)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post(attestations())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        ApiKeys.as(Roles.AUDITOR).get(attestations()).then().body("total", equalTo(0));
    }

    @Test
    void callersNeedCredentialsARoleAndTheirOwnAccount() {
        given().contentType(ContentType.JSON).body(attestation()).post(attestations()).then().statusCode(401);
        ApiKeys.as(Roles.AUDITOR)
                .contentType(ContentType.JSON)
                .body(attestation())
                .post(attestations())
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(ApiKeys.custodian("ada@contoso.com"))
                .contentType(ContentType.JSON)
                .body(attestation())
                .post(attestations())
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(ApiKeys.custodian("mallory@contoso.com"))
                .contentType(ContentType.JSON)
                .body(attestation())
                .post(attestations())
                .then()
                .statusCode(404);
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(attestation())
                .post("/api/v1/tenants/" + tenant + "/accounts/" + UUID.randomUUID() + "/attestations")
                .then()
                .statusCode(404);
        ApiKeys.as(Roles.AUDITOR).get(attestations() + "/" + UUID.randomUUID()).then().statusCode(404);
        ApiKeys.as(Roles.AUDITOR).get(attestations()).then().body("total", equalTo(1));
    }

    // Issue 9 finding 3: a custodian cannot attest in another custodian's name (it would count for BG-050); an
    // operator may record on someone's behalf, and the record, its ledger entry and the evidence name who recorded it.
    @Test
    void custodiansAttestOnlyInTheirOwnNameAndTheRecorderIsShown() {
        Inventory.account(tenant, "bob@contoso.com");
        String[] shared = Inventory.account(tenant, "ada@contoso.com", "bob@contoso.com");
        String path = "/api/v1/tenants/" + tenant + "/accounts/" + shared[0] + "/attestations";
        String bob = ApiKeys.custodian("bob@contoso.com");

        Map<String, Object> inAdasName = attestation();
        given().auth()
                .oauth2(bob)
                .contentType(ContentType.JSON)
                .body(inAdasName)
                .post(path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://glasswarden.io/problems/forbidden"));
        ApiKeys.as(Roles.AUDITOR).get(path).then().body("total", equalTo(0));

        Map<String, Object> own = attestation();
        own.put("attestedBy", "Bob@Contoso.com");
        String id = given().auth()
                .oauth2(bob)
                .contentType(ContentType.JSON)
                .body(own)
                .post(path)
                .then()
                .statusCode(201)
                .body("attestedBy", equalTo("bob@contoso.com"))
                .body("recordedBy", equalTo(keyName(bob)))
                .extract()
                .path("id");

        String onBehalf = ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(inAdasName)
                .post(path)
                .then()
                .statusCode(201)
                .body("attestedBy", equalTo("ada@contoso.com"))
                .body("recordedBy", equalTo(keyName(ApiKeys.of(Roles.OPERATOR))))
                .extract()
                .path("id");

        io.restassured.path.json.JsonPath entries = ApiKeys.as(Roles.AUDITOR)
                .queryParam("tenantId", tenant)
                .queryParam("size", 100)
                .get("/api/v1/ledger/entries")
                .jsonPath();
        assertThat(entries.getString("items.find { it.subjectId == '" + onBehalf + "' }.data.recordedBy"))
                .isEqualTo(keyName(ApiKeys.of(Roles.OPERATOR)));
        assertThat(entries.getString("items.find { it.subjectId == '" + id + "' }.data.attestedBy"))
                .isEqualTo("bob@contoso.com");
        String bundle = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenant + "/evidence")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(bundle).contains("\"recordedBy\":\"" + keyName(ApiKeys.of(Roles.OPERATOR)) + "\"");
    }

    private static String keyName(String key) {
        return given().auth().oauth2(key).get("/api/v1/me").then().statusCode(200).extract().path("name");
    }

    private String attestations() {
        return "/api/v1/tenants/" + tenant + "/accounts/" + account[0] + "/attestations";
    }

    private static Map<String, Object> attestation() {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "CUSTODY");
        body.put("attestedBy", "ada@contoso.com");
        body.put("statement", "Both keys in safe 1, seals intact.");
        body.put("keysSighted", List.of("key A"));
        return body;
    }
}
