package io.glasswarden.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

@QuarkusTest
@TestProfile(OidcProfile.class)
class OidcAuthenticationTest {

    @Test
    void rolesComeFromTheRolesClaimWithTheHierarchyApplied() {
        String token = token(List.of(Roles.OPERATOR), Map.of("email", "Grace@Contoso.com")).sign();

        given().auth()
                .oauth2(token)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("roles", equalTo(List.of(Roles.OPERATOR, Roles.AUDITOR)))
                .body("email", equalTo("grace@contoso.com"));
        given().auth().oauth2(token).get("/api/v1/api-keys").then().statusCode(403);
    }

    @Test
    void adminTokenManagesApiKeys() {
        given().auth()
                .oauth2(token(List.of(Roles.ADMIN), Map.of()).sign())
                .get("/api/v1/api-keys")
                .then()
                .statusCode(200);
    }

    @Test
    void emailFallsBackToPreferredUsernameThenUpn() {
        given().auth()
                .oauth2(token(List.of(Roles.CUSTODIAN), Map.of("preferred_username", "ada@contoso.com",
                        "upn", "other@contoso.com")).sign())
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("email", equalTo("ada@contoso.com"));
        given().auth()
                .oauth2(token(List.of(Roles.CUSTODIAN), Map.of("upn", "ada.upn@contoso.com")).sign())
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("email", equalTo("ada.upn@contoso.com"));
        given().auth()
                .oauth2(token(List.of(Roles.AUDITOR), Map.of()).sign())
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("email", nullValue());
    }

    @Test
    void tokenWithoutRolesIsForbidden() {
        String token = token(List.of(), Map.of("email", "nobody@contoso.com")).sign();

        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/v1/api-keys").then().statusCode(403);
    }

    @Test
    void unknownRolesGrantNothing() {
        given().auth()
                .oauth2(token(List.of("admin", "Glasswarden.Admin"), Map.of()).sign())
                .get("/api/v1/me")
                .then()
                .statusCode(403);
    }

    @Test
    void expiredForgedOrForeignTokensAreUnauthorized() {
        long now = Instant.now().getEpochSecond();
        String expired = token(List.of(Roles.ADMIN), Map.of()).issuedAt(now - 7200).expiresAt(now - 3600).sign();
        String valid = token(List.of(Roles.ADMIN), Map.of()).sign();
        String[] parts = valid.split("\\.");
        String forged = parts[0] + "." + token(List.of(Roles.ADMIN), Map.of("email", "mallory@contoso.com")).sign()
                .split("\\.")[1] + "." + parts[2];
        String otherAudience = token(List.of(Roles.ADMIN), Map.of()).audience("another-api").sign();
        String otherIssuer = token(List.of(Roles.ADMIN), Map.of()).issuer("https://evil.example.com").sign();

        try (LogCapture log = LogCapture.start()) {
            for (String token : List.of(expired, forged, otherAudience, otherIssuer, "not.a.jwt")) {
                given().auth()
                        .oauth2(token)
                        .get("/api/v1/me")
                        .then()
                        .statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", equalTo("Bearer"));
            }
            for (String token : List.of(expired, forged, otherAudience, otherIssuer)) {
                assertThat(log.text()).doesNotContain(token).doesNotContain(token.split("\\.")[2]);
            }
        }
    }

    @Test
    void apiKeysStillWorkBesideOidc() {
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(ApiKeys.bootstrap()).get("/api/v1/api-keys").then().statusCode(200);
        given().auth().oauth2("gwk_" + "C".repeat(43)).get("/api/v1/me").then().statusCode(401);
    }

    private static JwtClaimsBuilder token(List<String> roles, Map<String, String> claims) {
        JwtClaimsBuilder jwt = Jwt.issuer(OidcProfile.ISSUER)
                .audience(OidcProfile.AUDIENCE)
                .subject("0c2b5a7e-4c1f-4c6e-9d4b-6c1e0d2f3a4b")
                .claim("roles", roles)
                .expiresIn(600);
        claims.forEach(jwt::claim);
        return jwt;
    }
}
