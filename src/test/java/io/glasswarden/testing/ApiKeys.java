package io.glasswarden.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * API keys for endpoint tests, created through the API with the test bootstrap key
 * ({@code %test.glasswarden.bootstrap-api-key}). Usage: {@code ApiKeys.as(Roles.OPERATOR).get("/api/v1/...")} or
 * {@code given().auth().oauth2(ApiKeys.custodian("ada@contoso.com"))}.
 */
public final class ApiKeys {

    // One key per role and app start is enough; Quarkus reloads test classes when it restarts, which clears this.
    private static final Map<String, String> BY_ROLE = new HashMap<>();

    private ApiKeys() {
    }

    /**
     * The bootstrap key of the test configuration (an admin key named "bootstrap"); where a test profile configures
     * none, the first-start admin key that the service wrote to its data directory.
     */
    public static String bootstrap() {
        var config = ConfigProvider.getConfig();
        return config.getOptionalValue("glasswarden.bootstrap-api-key", String.class)
                .filter(key -> !key.isBlank())
                .orElseGet(() -> firstStart(Path.of(config.getValue("glasswarden.data-dir", String.class))));
    }

    /** The first-start admin key the service wrote to {@code dataDir} when it found no other way in. */
    public static String firstStart(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve("first-start-admin-key")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("No first-start key in " + dataDir, e);
        }
    }

    /** A key with this role (admin, operator or auditor), shared by the tests of one app start. */
    public static synchronized String of(String role) {
        return BY_ROLE.computeIfAbsent(role, r -> create(r, null));
    }

    /** A new custodian key acting for this e-mail address. */
    public static String custodian(String email) {
        return create("glasswarden.custodian", email);
    }

    /** A request authenticated with a key of this role. */
    public static RequestSpecification as(String role) {
        return given().auth().oauth2(of(role));
    }

    /** The id of a key, found by its non-secret prefix among the newest keys. */
    public static String idOf(String key) {
        String prefix = key.substring(0, 12);
        return given().auth()
                .oauth2(bootstrap())
                .queryParam("size", 100)
                .get("/api/v1/api-keys")
                .path("items.find { it.prefix == '" + prefix + "' }.id");
    }

    /** Creates a new key (unique name) and returns its plaintext. */
    public static String create(String role, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "test " + role.substring(role.indexOf('.') + 1) + " " + UUID.randomUUID());
        body.put("role", role);
        if (email != null) {
            body.put("email", email);
        }
        return given().auth()
                .oauth2(bootstrap())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
    }
}
