package io.glasswarden.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** No key, in any form, reaches the log: not on creation, use, refusal or revocation. */
@QuarkusTest
class KeyLoggingTest {

    @Test
    void keyLifecycleLogsNoKeyMaterial() {
        String key;
        String unknown = "gwk_" + "B".repeat(43);
        String name = "logged " + UUID.randomUUID();
        try (LogCapture log = LogCapture.start()) {
            key = given().auth()
                    .oauth2(ApiKeys.bootstrap())
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", name, "role", Roles.ADMIN))
                    .post("/api/v1/api-keys")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("key");
            String id = ApiKeys.idOf(key);
            given().auth().oauth2(key).get("/api/v1/api-keys").then().statusCode(200);
            given().auth().oauth2(unknown).get("/api/v1/api-keys").then().statusCode(401);
            given().auth().oauth2(ApiKeys.bootstrap()).delete("/api/v1/api-keys/" + id).then().statusCode(204);
            given().auth().oauth2(key).get("/api/v1/api-keys").then().statusCode(401);

            String text = log.text();
            // The capture works: the lifecycle is logged, by name and prefix.
            assertThat(text).contains("API key '" + name + "'").contains("created").contains("revoked");
            assertNoKeyMaterial(text, key);
            assertNoKeyMaterial(text, unknown);
            assertNoKeyMaterial(text, ApiKeys.bootstrap());
        }
    }

    /** The key, its secret part after the displayed prefix, and its stored hash. */
    static void assertNoKeyMaterial(String log, String key) {
        assertThat(log).doesNotContain(key);
        if (key.startsWith(ApiKeySecret.MARKER) && key.length() > 12) {
            assertThat(log).doesNotContain(key.substring(12));
        }
        assertThat(log).doesNotContainIgnoringCase(ApiKeySecret.hashOf(key));
    }
}
