package io.glasswarden.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A ledger append that fails: the change it records must not be stored without its entry, and no entry may be half
 * written. docs/reliability.md, "Faults", tables the outcome.
 */
@QuarkusTest
class LedgerFaultsTest {

    @Test
    void anAppendFailureRollsBackTheChangeItRecordsAndTheRetrySucceeds() throws SQLException {
        String tenantId = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Fabrikam"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        Map<String, Object> account = Map.of("userPrincipalName", "bg01@fabrikam.onmicrosoft.com",
                "custodians", List.of(Map.of("name", "Ada", "email", "ada@fabrikam.com")));
        ApiKeys.of(Roles.AUDITOR); // its creation is a ledger entry too: before counting
        long entriesBefore = count("ledger_entries");
        long outboxBefore = count("outbox_messages");
        // The insert of this tenant's next entry fails as on a full disk (SQLSTATE 53100, disk_full)
        execute("create function fault_ledger_append() returns trigger language plpgsql as $$ begin"
                + " if new.tenant_id = '" + tenantId + "' then raise exception 'could not extend file' using"
                + " errcode = '53100'; end if; return new; end $$",
                "create trigger fault_ledger_append before insert on ledger_entries for each row"
                        + " execute function fault_ledger_append()");
        Response refused;
        try {
            refused = ApiKeys.as(Roles.OPERATOR)
                    .contentType(ContentType.JSON)
                    .body(account)
                    .post("/api/v1/tenants/" + tenantId + "/accounts");
        } finally {
            execute("drop trigger fault_ledger_append on ledger_entries", "drop function fault_ledger_append()");
        }

        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("detail")).startsWith("An unexpected error occurred; quote error id");
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId + "/accounts")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        assertThat(count("ledger_entries")).as("no entry, not even half of one").isEqualTo(entriesBefore);
        assertThat(count("outbox_messages")).as("nothing queued for a change that did not happen")
                .isEqualTo(outboxBefore);
        assertThat(verify().getBoolean("valid")).isTrue();

        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(account)
                .post("/api/v1/tenants/" + tenantId + "/accounts")
                .then()
                .statusCode(201);
        JsonPath entries = ApiKeys.as(Roles.AUDITOR)
                .queryParam("tenantId", tenantId)
                .get("/api/v1/ledger/entries")
                .jsonPath();
        assertThat(entries.getList("items.type")).containsExactly("ACCOUNT_CREATED", "TENANT_CREATED");
        assertThat(verify().getBoolean("valid")).isTrue();
    }

    private static JsonPath verify() {
        return ApiKeys.as(Roles.AUDITOR).get("/api/v1/ledger/verify").then().statusCode(200).extract().jsonPath();
    }

    private static long count(String table) throws SQLException {
        try (Connection connection = LedgerTamperingTest.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select count(*) from " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection connection = LedgerTamperingTest.connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
