package io.glasswarden.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(DeliveryProfile.class)
class WebhookResourceTest {

    private static final String WEBHOOKS = "/api/v1/webhooks";

    @Test
    void createdSubscriptionShowsItsSecretOnceAndNeverAgain() {
        Response created = ApiKeys.as(Roles.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("url", "https://siem.contoso.com/glasswarden", "eventTypes",
                        List.of("io.glasswarden.drill.*"), "description", "SIEM"))
                .post(WEBHOOKS);

        created.then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("url", equalTo("https://siem.contoso.com/glasswarden"))
                .body("eventTypes", equalTo(List.of("io.glasswarden.drill.*")))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="));
        String id = created.path("id");
        String secret = created.path("secret");
        assertThat(created.header("Location")).endsWith(WEBHOOKS + "/" + id);

        String single = ApiKeys.as(Roles.ADMIN)
                .get(WEBHOOKS + "/" + id)
                .then()
                .statusCode(200)
                .body("description", equalTo("SIEM"))
                .extract()
                .asString();
        String list = ApiKeys.as(Roles.ADMIN)
                .queryParam("size", 100)
                .get(WEBHOOKS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .extract()
                .asString();
        assertThat(single).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(list).doesNotContain(secret).doesNotContain("\"secret\"");

        ApiKeys.as(Roles.ADMIN).delete(WEBHOOKS + "/" + id).then().statusCode(204);
        ApiKeys.as(Roles.ADMIN).get(WEBHOOKS + "/" + id).then().statusCode(404);
    }

    @Test
    void invalidSubscriptionIsRefusedAndNothingIsStored() {
        long before = total();
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("url", "http://siem.contoso.com/hook"),
                Map.of("url", "https://user:pass@siem.contoso.com/hook"),
                Map.of("url", "not a url"),
                Map.of("url", "https://siem.contoso.com/hook", "eventTypes", List.of("bad type!")),
                Map.of("eventTypes", List.of()),
                Map.of("url", "https://siem.contoso.com/hook", "secret", "mine"))) {
            ApiKeys.as(Roles.ADMIN)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post(WEBHOOKS)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", matchesPattern("https://glasswarden.io/problems/(validation|malformed-request)"));
        }
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void webhooksNeedAnAdmin() {
        given().get(WEBHOOKS).then().statusCode(401).contentType("application/problem+json");
        ApiKeys.as(Roles.OPERATOR).get(WEBHOOKS).then().statusCode(403).contentType("application/problem+json");
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("url", "https://a.contoso.com/"))
                .post(WEBHOOKS)
                .then()
                .statusCode(403);
    }

    @Test
    void unknownSubscriptionIsNotFound() {
        ApiKeys.as(Roles.ADMIN)
                .get(WEBHOOKS + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://glasswarden.io/problems/not-found"));
        ApiKeys.as(Roles.ADMIN).delete(WEBHOOKS + "/not-an-id").then().statusCode(404);
    }

    private static long total() {
        return ApiKeys.as(Roles.ADMIN).get(WEBHOOKS).then().statusCode(200).extract().jsonPath().getLong("total");
    }
}
