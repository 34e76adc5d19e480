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
