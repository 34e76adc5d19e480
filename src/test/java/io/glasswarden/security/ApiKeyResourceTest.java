package io.glasswarden.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ApiKeyResourceTest {

    private static final String KEYS = "/api/v1/api-keys";

    @Test
    void createdKeyIsShownOnceAndNeverAgain() {
        String name = "pipeline " + UUID.randomUUID();
        Response created = asBootstrap().contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", Roles.OPERATOR))
                .post(KEYS);

        created.then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("name", equalTo(name))
                .body("role", equalTo(Roles.OPERATOR))
                .body("createdBy", equalTo("bootstrap"))
                .body("createdAt", notNullValue());
        String key = created.path("key");
        String id = created.path("id");
        assertThat(key).matches("gwk_[A-Za-z0-9_-]{43}");
        assertThat(key).startsWith(created.<String>path("prefix"));
        assertThat(created.header("Location")).endsWith(KEYS + "/" + id);

        String single = asBootstrap().get(created.header("Location")).then().statusCode(200).extract().asString();
        String list = asBootstrap().queryParam("size", 100).get(KEYS).then().statusCode(200).extract().asString();
        assertThat(single).contains(id).doesNotContain(secretPartOf(key)).doesNotContain("\"key\"");
        assertThat(list).contains(id).doesNotContain(secretPartOf(key)).doesNotContain("\"key\"");
    }

    @Test
    void keyAuthenticatesAsItsNameAndRecordsItsUse() {
        String key = ApiKeys.create(Roles.ADMIN, null);
        String id = ApiKeys.idOf(key);
        asBootstrap().get(KEYS + "/" + id).then().body("lastUsedAt", nullValue());

        given().auth()
                .oauth2(key)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("name", equalTo(asBootstrap().get(KEYS + "/" + id).path("name")))
                .body("roles", equalTo(List.of(Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR)))
                .body("email", nullValue());

        String lastUsedAt = asBootstrap().get(KEYS + "/" + id).path("lastUsedAt");
        assertThat(lastUsedAt).isNotNull();

        // Within a minute a second use writes nothing: lastUsedAt stays as it was.
        given().auth().oauth2(key).get("/api/v1/me").then().statusCode(200);
        asBootstrap().get(KEYS + "/" + id).then().body("lastUsedAt", equalTo(lastUsedAt));
    }

    @Test
    void custodianKeyCarriesTheCustodiansEmail() {
        String key = ApiKeys.custodian("Ada@Contoso.com");

        given().auth()
                .oauth2(key)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("roles", equalTo(List.of(Roles.CUSTODIAN)))
                .body("email", equalTo("ada@contoso.com"));
    }

    @Test
    void revokedKeyIsRefusedAtOnceButKeptForAudit() {
        String key = ApiKeys.create(Roles.ADMIN, null);
        String id = ApiKeys.idOf(key);
        given().auth().oauth2(key).get(KEYS).then().statusCode(200);

        asBootstrap().delete(KEYS + "/" + id).then().statusCode(204);

        given().auth()
                .oauth2(key)
                .get(KEYS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        asBootstrap().get(KEYS + "/" + id)
                .then()
                .statusCode(200)
                .body("revokedAt", notNullValue())
                .body("revokedBy", equalTo("bootstrap"));
        asBootstrap().queryParam("size", 100).get(KEYS).then().body("items.id", hasItem(id));
    }

    @Test
    void revokingTwiceKeepsTheFirstRevocation() {
        String id = ApiKeys.idOf(ApiKeys.create(Roles.AUDITOR, null));
        asBootstrap().delete(KEYS + "/" + id).then().statusCode(204);
        String revokedAt = asBootstrap().get(KEYS + "/" + id).path("revokedAt");

        given().auth().oauth2(ApiKeys.of(Roles.ADMIN)).delete(KEYS + "/" + id).then().statusCode(204);

        asBootstrap().get(KEYS + "/" + id)
                .then()
                .body("revokedAt", equalTo(revokedAt))
                .body("revokedBy", equalTo("bootstrap"));
    }

    @Test
    void unknownIdsAreNotFound() {
        for (String id : new String[]{UUID.randomUUID().toString(), "not-a-uuid"}) {
            asBootstrap().get(KEYS + "/" + id).then().statusCode(404).contentType("application/problem+json");
            asBootstrap().delete(KEYS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void duplicateNamesConflictRegardlessOfCase() {
        String name = "Duplicate " + UUID.randomUUID();
        asBootstrap().contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", Roles.AUDITOR))
                .post(KEYS)
                .then()
                .statusCode(201);

        asBootstrap().contentType(ContentType.JSON)
                .body(Map.of("name", name.toUpperCase(), "role", Roles.AUDITOR))
                .post(KEYS)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://glasswarden.io/problems/conflict"));
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("{\"role\":\"glasswarden.admin\"}", "name"),
                Arguments.of("{\"name\":\"  \",\"role\":\"glasswarden.admin\"}", "name"),
                Arguments.of("{\"name\":\"" + "x".repeat(101) + "\",\"role\":\"glasswarden.admin\"}", "name"),
                Arguments.of("{\"name\":\"bad\\nname\",\"role\":\"glasswarden.admin\"}", "name"),
                Arguments.of("{\"name\":\"Bootstrap\",\"role\":\"glasswarden.admin\"}", "name"),
                Arguments.of("{\"name\":\"invalid-role-key\",\"role\":\"admin\"}", "role"),
                Arguments.of("{\"name\":\"invalid-role-key\"}", "role"),
                Arguments.of("{\"name\":\"custodian-no-email\",\"role\":\"glasswarden.custodian\"}", "email"),
                Arguments.of("{\"name\":\"custodian-bad-email\",\"role\":\"glasswarden.custodian\","
                        + "\"email\":\"not an address\"}", "email"),
                Arguments.of("{\"name\":\"admin-with-email\",\"role\":\"glasswarden.admin\","
                        + "\"email\":\"ada@contoso.com\"}", "email"),
                Arguments.of("{\"name\":\"extra\",\"role\":\"glasswarden.admin\",\"keyHash\":\"00\"}", "keyHash"));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void invalidRequestsAreRefusedAndStoreNothing(String body, String field) {
        int before = asBootstrap().get(KEYS).path("total");

        asBootstrap().contentType(ContentType.JSON)
                .body(body)
                .post(KEYS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://glasswarden.io/problems/validation"))
                .body("errors.field", hasItem(field));

        assertThat(asBootstrap().get(KEYS).<Integer>path("total")).isEqualTo(before);
    }

    @Test
    void requestsWithoutValidCredentialsAreUnauthorized() {
        String unknown = "gwk_" + "A".repeat(43);
        for (String authorization : new String[]{null, "Bearer " + unknown, "Bearer gwk_short", "Bearer not-a-key",
                "Basic dXNlcjpwYXNz", "Bearer " + ApiKeys.bootstrap() + "x"}) {
            var request = given();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.get(KEYS)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("type", equalTo("https://glasswarden.io/problems/unauthorized"));
        }
    }

    @Test
    void onlyAdminsManageKeys() {
        for (String role : new String[]{Roles.OPERATOR, Roles.AUDITOR}) {
            ApiKeys.as(role).get(KEYS).then().statusCode(403).contentType("application/problem+json");
            ApiKeys.as(role)
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "x" + UUID.randomUUID(), "role",
                            Roles.ADMIN))
                    .post(KEYS)
                    .then()
                    .statusCode(403);
        }
    }

    private static io.restassured.specification.RequestSpecification asBootstrap() {
        return given().auth().oauth2(ApiKeys.bootstrap());
    }

    private static String secretPartOf(String key) {
        return key.substring(12);
    }
}
