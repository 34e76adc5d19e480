package io.glasswarden.drills;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glasswarden.lifecycle.Inventory;
import io.glasswarden.lifecycle.LifecycleProfile;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@TestProfile(LifecycleProfile.class)
class DrillResourceTest {

    private static final Instant NOW = Instant.parse("2026-04-01T10:00:00Z");

    @Inject
    MovableClock clock;

    private String tenant;
    private String[] account;

    @BeforeEach
    void inventory() {
        clock.set(NOW);
        tenant = Inventory.tenant(Map.of("drillIntervalDays", 30, "reminderLeadDays", 5));
        account = Inventory.account(tenant, "ada@contoso.com");
    }

    @Test
    void recordedDrillIsCreatedWithLocationAndListed() {
        String location = ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(drill(NOW.minus(Duration.ofHours(3))))
                .post(drills())
                .then()
                .statusCode(201)
                .body("outcome", equalTo("SUCCEEDED"))
                .body("credentialUsed", equalTo("key A"))
                .body("credentialKnown", equalTo(true))
                .body("performedBy", equalTo("ada@contoso.com"))
                .extract()
                .header("Location");

        assertThat(location).contains(drills() + "/");
        ApiKeys.as(Roles.AUDITOR).get(location).then().statusCode(200).body("accountId", equalTo(account[0]));
        ApiKeys.as(Roles.AUDITOR).get(drills()).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void custodianRecordsDrillsOfOwnAccountOnly() {
        String ada = ApiKeys.custodian("ada@contoso.com");
        given().auth()
                .oauth2(ada)
                .contentType(ContentType.JSON)
                .body(drill(NOW))
                .post(drills())
                .then()
                .statusCode(
                        201);

        String[] other = Inventory.account(tenant, "bob@contoso.com");
        given().auth()
                .oauth2(ada)
                .contentType(ContentType.JSON)
                .body(drill(NOW))
                .post("/api/v1/tenants/" + tenant + "/accounts/" + other[0] + "/drills")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void invalidDrillIsRefusedAndNothingIsStored() {
        Map<String, Object> future = drill(NOW.plus(Duration.ofHours(1)));
        Map<String, Object> badOutcome = drill(NOW);
        badOutcome.put("outcome", "MAYBE");
        Map<String, Object> noPerformer = drill(NOW);
        noPerformer.remove("performedBy");

        for (Map<String, Object> body : List.of(future, badOutcome, noPerformer)) {
            ApiKeys.as(Roles.OPERATOR)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post(drills())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.size()", org.hamcrest.Matchers.greaterThan(0));
        }
        ApiKeys.as(Roles.AUDITOR).get(drills()).then().body("total", equalTo(0));
    }

    @Test
    void aReporterClockUpToFiveMinutesAheadIsToleratedBeyondThatTheDrillIsRefused() {
        // glasswarden.drills.future-skew (PT5M): the custodian's device may run ahead of this service's clock
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(drill(NOW.plus(Duration.ofMinutes(4))))
                .post(drills())
                .then()
                .statusCode(201);
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(drill(NOW.plus(Duration.ofMinutes(6))))
                .post(drills())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("performedAt"))
                .body("errors[0].message", equalTo("must not be in the future"));
        ApiKeys.as(Roles.AUDITOR).get(drills()).then().body("total", equalTo(1));
    }

    @Test
    void recordingNeedsCredentialsAndARoleThatMayRecord() {
        given().contentType(ContentType.JSON).body(drill(NOW)).post(drills()).then().statusCode(401);
        ApiKeys.as(Roles.AUDITOR)
                .contentType(ContentType.JSON)
                .body(drill(NOW))
                .post(drills())
                .then()
                .statusCode(
                        403)
                .contentType("application/problem+json");
        ApiKeys.as(Roles.AUDITOR).get(drills()).then().body("total", equalTo(0));
    }

    @Test
    void unknownIdsAnswerNotFound() {
        RequestSpecification operator = ApiKeys.as(Roles.OPERATOR).contentType(ContentType.JSON).body(drill(NOW));
        operator.post("/api/v1/tenants/" + UUID.randomUUID() + "/accounts/" + account[0] + "/drills")
                .then()
                .statusCode(404);
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(drill(NOW))
                .post("/api/v1/tenants/" + tenant + "/accounts/" + UUID.randomUUID() + "/drills")
                .then()
                .statusCode(404);
        ApiKeys.as(Roles.AUDITOR).get(drills() + "/" + UUID.randomUUID()).then().statusCode(404);
        ApiKeys.as(Roles.AUDITOR).get(drills() + "/not-a-uuid").then().statusCode(404);
    }

    @Test
    void statusListShowsUpcomingDueAndOverdueAccounts() {
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("tenantId", tenant)
                .queryParam("status", "UPCOMING")
                .get("/api/v1/drills")
                .then()
                .statusCode(200)
                .body("items.accountId", hasItem(account[0]))
                .body("items[0].dueDate", equalTo("2026-05-01"));

        clock.set(Instant.parse("2026-05-01T23:59:00Z"));
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("tenantId", tenant)
                .queryParam("status", "DUE")
                .get("/api/v1/drills")
                .then()
                .body("items.accountId", hasItem(account[0]));

        clock.set(Instant.parse("2026-05-02T00:00:00Z"));
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("tenantId", tenant)
                .queryParam("status", "OVERDUE")
                .get("/api/v1/drills")
                .then()
                .body("items.accountId", hasItem(account[0]))
                .body("items.find { it.accountId == '" + account[0] + "' }.daysOverdue", equalTo(1));
        // a custodian who keeps nothing in the tenant cannot tell it from one that does not exist
        given().auth()
                .oauth2(ApiKeys.custodian("someone-else@contoso.com"))
                .queryParam("tenantId", tenant)
                .get("/api/v1/drills")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(ApiKeys.custodian("someone-else@contoso.com"))
                .get("/api/v1/drills")
                .then()
                .statusCode(200)
                .body("items.accountId", not(hasItem(account[0])));
        ApiKeys.as(Roles.AUDITOR).queryParam("status", "SOON").get("/api/v1/drills").then().statusCode(400);
    }

    @Test
    void theListAcrossTenantsKeepsEachTenantsIntervalAndEachAccountsCustodyChange() {
        String keeper = "keeper-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
        String[] first = Inventory.account(tenant, keeper); // interval 30 days
        String other = Inventory.tenant(Map.of("drillIntervalDays", 60, "reminderLeadDays", 5));
        String[] second = Inventory.account(other, keeper);
        String[] handedOver = Inventory.account(other, keeper, "leaver@contoso.com");
        String[] retired = Inventory.account(other, keeper);
        clock.set(NOW.plus(Duration.ofDays(3)));
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("custodians", List.of(Map.of("name", "Keeper", "email", keeper))))
                .patch("/api/v1/tenants/" + other + "/accounts/" + handedOver[0])
                .then()
                .statusCode(200);
        ApiKeys.as(Roles.ADMIN).delete("/api/v1/tenants/" + other + "/accounts/" + retired[0]).then().statusCode(200);

        var items = given().auth()
                .oauth2(ApiKeys.custodian(keeper))
                .queryParam("size", 100)
                .get("/api/v1/drills")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .extract()
                .jsonPath();
        assertThat(items.getList("items.accountId")).as("soonest due first; the retired account is not listed")
                .containsExactly(handedOver[0], first[0], second[0]);
        assertThat(items.getList("items.tenantId")).containsExactly(other, tenant, other);
        assertThat(items.getList("items.dueDate"))
                .as("a custodian left: due the day of the change; then 30 and 60 days after creation, per tenant")
                .containsExactly("2026-04-04", "2026-05-01", "2026-05-31");
    }

    private String drills() {
        return "/api/v1/tenants/" + tenant + "/accounts/" + account[0] + "/drills";
    }

    private static Map<String, Object> drill(Instant performedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("performedAt", performedAt.toString());
        body.put("performedBy", "ada@contoso.com");
        body.put("outcome", "SUCCEEDED");
        body.put("credentialUsed", "key A");
        body.put("notes", "Signed in at the portal, checked PIM.");
        return body;
    }
}
