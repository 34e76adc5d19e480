package io.glasswarden.ledger;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The ledger write is part of the change: when it fails, the change does not happen. */
@QuarkusTest
class InventoryLedgerTest {

    @Test
    void tenantIsNotCreatedWhenItsLedgerEntryCannotBeWritten() {
        String operator = ApiKeys.of(Roles.OPERATOR);
        QuarkusMock.installMockForType(new HashChainLedger(null, null, null) {
            @Override
            public long append(LedgerEvent event) {
                throw new IllegalStateException("ledger unavailable");
            }
        }, HashChainLedger.class);
        String tenantId = UUID.randomUUID().toString();

        given().auth()
                .oauth2(operator)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Fabrikam"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(500)
                .contentType("application/problem+json");

        given().auth().oauth2(operator).get("/api/v1/tenants/" + tenantId).then().statusCode(404);
    }
}
