package io.glasswarden.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Issue 9, finding 8: a custodian who signs in with Entra ID is recognised by the token's immutable {@code oid} and
 * {@code tid} claims, stored with the custodian ({@code entraObjectId}, {@code entraTenantId}), never by e-mail-like
 * claims: users or admins can change {@code email}, {@code preferred_username} and {@code upn}, and Microsoft says not to
 * authorize on them (https://learn.microsoft.com/entra/identity-platform/claims-validation, "Validate the subject").
 * Tokens come from the test issuer (quarkus-test-oidc-server) with Entra-shaped claims.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class OidcCustodianTest {

    private static final String ENTRA_TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String OTHER_TENANT = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
    private static final String ADA_OID = "5c0a2b7e-1f3d-4e6a-9b8c-7d6e5f4a3b2c";
    private static final String MALLORY_OID = "9e8d7c6b-5a49-4837-a625-140f3e2d1c0b";

    @Test
    void custodiansAreMatchedOnObjectAndTenantIdNeverOnEmail() {
        String tenant = newTenant();
        String account = newAccount(tenant, List.of(
                custodian("Ada Admin", "ada@contoso.com", ADA_OID.toUpperCase(), ENTRA_TENANT),
                custodian("Bob Admin", "bob@contoso.com", null, null)));
        String path = "/api/v1/tenants/" + tenant + "/accounts";

        // Ada: her oid and tid, whatever her e-mail claims say today (renamed, or no e-mail claim at all)
        for (String token : List.of(token(ADA_OID, ENTRA_TENANT, Map.of("email", "ada@contoso.com")),
                token(ADA_OID, ENTRA_TENANT, Map.of("preferred_username", "ada.lovelace@fabrikam.com")))) {
            given().auth().oauth2(token).get(path + "/" + account).then().statusCode(200);
            given().auth().oauth2(token).get(path).then().statusCode(200).body("total", equalTo(1));
        }

        // the same e-mail (email, preferred_username or upn) with another oid, or Ada's oid from another tenant
        for (String token : List.of(token(MALLORY_OID, ENTRA_TENANT, Map.of("email", "ada@contoso.com")),
                token(MALLORY_OID, ENTRA_TENANT, Map.of("preferred_username", "ada@contoso.com")),
                token(MALLORY_OID, ENTRA_TENANT, Map.of("upn", "ada@contoso.com")),
                token(ADA_OID, OTHER_TENANT, Map.of("email", "ada@contoso.com")),
                token(null, null, Map.of("email", "ada@contoso.com")),
                // Bob has no Entra identity on record: an OIDC token cannot claim his custody by e-mail
                token(MALLORY_OID, ENTRA_TENANT, Map.of("email", "bob@contoso.com")))) {
            given().auth()
                    .oauth2(token)
                    .get(path + "/" + account)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            // the tenant itself is hidden from a custodian who keeps nothing in it: the same 404 as an unknown tenant
            given().auth().oauth2(token).get(path).then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(token).get("/api/v1/drills").then().statusCode(200).body("total", equalTo(0));
        }

        // API keys bound to an e-mail by an admin keep working
        given().auth().oauth2(ApiKeys.custodian("bob@contoso.com")).get(path + "/" + account).then().statusCode(200);
    }

    @Test
    void entraIdentityOfACustodianIsStoredNormalisedAndMustBeComplete() {
        String tenant = newTenant();
        String account = newAccount(tenant, List.of(custodian("Ada Admin", "ada@contoso.com", ADA_OID.toUpperCase(),
                ENTRA_TENANT.toUpperCase())));
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenant + "/accounts/" + account)
                .then()
                .statusCode(200)
                .body("custodians[0].entraObjectId", equalTo(ADA_OID))
                .body("custodians[0].entraTenantId", equalTo(ENTRA_TENANT));

        for (Map<String, Object> bad : List.of(custodian("Ada", "ada@contoso.com", ADA_OID, null),
                custodian("Ada", "ada@contoso.com", null, ENTRA_TENANT),
                custodian("Ada", "ada@contoso.com", "not-a-guid", ENTRA_TENANT))) {
            ApiKeys.as(Roles.ADMIN)
                    .contentType(ContentType.JSON)
                    .body(Map.of("objectId", UUID.randomUUID().toString(), "custodians", List.of(bad)))
                    .post("/api/v1/tenants/" + tenant + "/accounts")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenant + "/accounts")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
    }

    private static Map<String, Object> custodian(String name, String email, String oid, String tid) {
        Map<String, Object> custodian = new LinkedHashMap<>();
        custodian.put("name", name);
        custodian.put("email", email);
        if (oid != null) {
            custodian.put("entraObjectId", oid);
        }
        if (tid != null) {
            custodian.put("entraTenantId", tid);
        }
        return custodian;
    }

    private static String newTenant() {
        String tenantId = UUID.randomUUID().toString();
        ApiKeys.as(Roles.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "OIDC custodians"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        return tenantId;
    }

    private static String newAccount(String tenant, List<Map<String, Object>> custodians) {
        return ApiKeys.as(Roles.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("objectId", UUID.randomUUID().toString(), "custodians", custodians))
                .post("/api/v1/tenants/" + tenant + "/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A custodian's access token as Entra ID issues it: oid and tid GUIDs, a mutable e-mail-like claim. */
    private static String token(String oid, String tid, Map<String, String> claims) {
        JwtClaimsBuilder jwt = Jwt.issuer(OidcProfile.ISSUER)
                .audience(OidcProfile.AUDIENCE)
                .subject(UUID.randomUUID().toString())
                .claim("roles", new ArrayList<>(List.of(Roles.CUSTODIAN)))
                .expiresIn(600);
        if (oid != null) {
            jwt.claim("oid", oid);
        }
        if (tid != null) {
            jwt.claim("tid", tid);
        }
        claims.forEach(jwt::claim);
        return jwt.sign();
    }
}
