package io.glasswarden.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.Test;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class LedgerTest {

    @Inject
    Ledger ledger;

    @Test
    void inventoryChangesAreAppendedWithTheirActorAndTheChainVerifies() {
        String tenantId = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Contoso"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("userPrincipalName", "bg01@contoso.onmicrosoft.com",
                        "custodians", List.of(Map.of("name", "Ada", "email", "ada@contoso.com"))))
                .post("/api/v1/tenants/" + tenantId + "/accounts")
                .then()
                .statusCode(201);

        JsonPath entries = ApiKeys.as(Roles.AUDITOR)
                .queryParam("tenantId", tenantId)
                .get("/api/v1/ledger/entries")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .extract()
                .jsonPath();
        // newest first
        assertThat(entries.getList("items.type")).containsExactly("ACCOUNT_CREATED", "TENANT_CREATED");
        assertThat(entries.getString("items[0].actor")).startsWith("test operator");
        assertThat(entries.getString("items[0].data.userPrincipalName")).isEqualTo("bg01@contoso.onmicrosoft.com");
        assertThat(entries.getString("items[0].data.custodians[0].email")).isEqualTo("ada@contoso.com");
        assertThat(entries.getString("items[1].data.displayName")).isEqualTo("Contoso");
        assertThat(entries.getString("items[1].subjectId")).isEqualTo(tenantId);
        long sequence = entries.getLong("items[0].sequence");
        assertThat(entries.getLong("items[1].sequence")).isLessThan(sequence);

        JsonPath verify = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/ledger/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(verify.getBoolean("valid")).isTrue();
        assertThat(verify.getLong("entries")).isGreaterThanOrEqualTo(sequence);
        assertThat(verify.getString("head")).matches("sha256:[0-9a-f]{64}");
        assertThat(verify.getString("firstInvalidEntry")).isNull();
    }

    @Test
    void apiKeyCreationIsAppendedWithoutTheKey() {
        String auditor = ApiKeys.of(Roles.AUDITOR);
        String key = ApiKeys.create(Roles.AUDITOR, null);
        JsonPath entries = given().auth()
                .oauth2(auditor)
                .queryParam("size", 5)
                .get("/api/v1/ledger/entries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(entries.getString("items[0].type")).isEqualTo("API_KEY_CREATED");
        assertThat(entries.getString("items[0].actor")).isEqualTo("bootstrap");
        assertThat(entries.getString("items[0].data.role")).isEqualTo(Roles.AUDITOR);
        assertThat(entries.prettify()).doesNotContain(key.substring(12));
    }

    @Test
    void concurrentAppendsFormOneGapFreeChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Long>> appends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            appends.add(() -> QuarkusTransaction.requiringNew()
                    .call(() -> ledger.append(new LedgerEvent("TEST_EVENT", null, "c" + n, "tester",
                            Map.of("n", n)))));
        }
        List<Long> sequences = new ArrayList<>();
        for (Future<Long> result : pool.invokeAll(appends)) {
            sequences.add(result.get());
        }
        pool.shutdown();

        long first = sequences.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(sequences).doesNotHaveDuplicates().allMatch(s -> s >= first && s < first + 40);
        LedgerVerification result = given().auth()
                .oauth2(ApiKeys.of(Roles.AUDITOR))
                .get("/api/v1/ledger/verify")
                .then()
                .statusCode(200)
                .extract()
                .as(LedgerVerification.class);
        assertThat(result.valid()).as(result.reason()).isTrue();
    }

    @Test
    void appendOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> ledger.append(new LedgerEvent("TEST_EVENT", null, null, "tester", Map.of())))
                .isInstanceOf(TransactionalException.class);
    }

    @Test
    void databaseRefusesUpdateDeleteAndTruncateOfEntries() throws SQLException {
        QuarkusTransaction.requiringNew()
                .run(() -> ledger.append(new LedgerEvent("TEST_EVENT", null, null, "tester", Map.of())));
        try (Connection connection = LedgerTamperingTest.connect();
                Statement statement = connection.createStatement()) {
            for (String sql : List.of("update ledger_entries set actor = 'mallory'",
                    "delete from ledger_entries", "truncate ledger_entries",
                    "update ledger_head set sequence = 0, hash = '" + "0".repeat(64) + "'")) {
                assertThatThrownBy(() -> statement.execute(sql)).as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("refused");
            }
        }
    }

    @Test
    void ledgerIsForAuditors() {
        given().get("/api/v1/ledger/verify").then().statusCode(401);
        given().auth()
                .oauth2(ApiKeys.custodian("ada@contoso.com"))
                .get("/api/v1/ledger/entries")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        ApiKeys.as(Roles.AUDITOR)
                .queryParam("tenantId", "not-a-guid")
                .get("/api/v1/ledger/entries")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tenantId"));
        ApiKeys.as(Roles.AUDITOR).queryParam("size", 101).get("/api/v1/ledger/entries").then().statusCode(400);
    }
}
