package io.glasswarden.lifecycle;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.glasswarden.testing.ApiKeys;
import io.restassured.http.ContentType;

/** Creates tenants and accounts through the API for lifecycle tests. */
public final class Inventory {

    private Inventory() {
    }

    /** A new tenant with these settings (merged over the defaults); returns its Entra tenant id. */
    public static String tenant(Map<String, Object> settings) {
        String tenantId = UUID.randomUUID().toString();
        Map<String, Object> body = new HashMap<>();
        body.put("tenantId", tenantId);
        body.put("displayName", "Contoso " + tenantId.substring(0, 8));
        body.put("settings", settings);
        given().auth()
                .oauth2(ApiKeys.bootstrap())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        return tenantId;
    }

    /** A new account with the given custodians' e-mails and one key "key A"; returns {accountId, objectId}. */
    public static String[] account(String tenantId, String... custodianEmails) {
        return named(tenantId, null, custodianEmails);
    }

    /** Like {@link #account} with this display name. */
    public static String[] named(String tenantId, String displayName, String... custodianEmails) {
        String objectId = UUID.randomUUID().toString();
        List<Map<String, String>> custodians = java.util.Arrays.stream(custodianEmails)
                .map(e -> Map.of("name", "Custodian " + e, "email", e))
                .toList();
        Map<String, Object> body = new HashMap<>();
        body.put("userPrincipalName", "bg-" + objectId.substring(0, 8) + "@contoso.onmicrosoft.com");
        body.put("objectId", objectId);
        body.put("displayName", displayName != null ? displayName : "Break glass " + objectId.substring(0, 4));
        body.put("custodians", custodians);
        body.put("keys", List.of(Map.of("label", "key A", "location", "safe 1")));
        String id = given().auth()
                .oauth2(ApiKeys.bootstrap())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/tenants/" + tenantId + "/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new String[]{id, objectId};
    }
}
