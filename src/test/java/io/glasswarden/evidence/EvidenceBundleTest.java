package io.glasswarden.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.EmbeddedPostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The evidence bundle, checked by the offline verifier that auditors run (docs/verify-evidence.py). */
@QuarkusTest
class EvidenceBundleTest {

    private static final Path VERIFIER = Path.of("docs", "verify-evidence.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void exportedBundleVerifiesOfflineAndTamperingIsReported() throws Exception {
        String tenantId = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Zürich Bank \"Nord\" ✓"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        // Control characters, quotes, non-Latin text and an emoji: the Java and Python canonical forms must agree.
        String accountId = ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("userPrincipalName", "bg01@zurich.onmicrosoft.com", "notes",
                        "Safe 1\tshelf \"A\"\nSeal 🔒 intact; 金庫 \\ ok\u0001",
                        "keys", List.of(Map.of("label", "BG-01 key A", "location", "Safe 1"))))
                .post("/api/v1/tenants/" + tenantId + "/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String accountPath = "/api/v1/tenants/" + tenantId + "/accounts/" + accountId;
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "CUSTODY", "attestedBy", "ada@zurich.example",
                        "statement", "Key in safe 1, seal 4711 intact.", "keysSighted", List.of("BG-01 key A")))
                .post(accountPath + "/attestations")
                .then()
                .statusCode(201);
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("performedAt", java.time.Instant.now().minusSeconds(3600).toString(),
                        "performedBy", "ada@zurich.example", "outcome", "SUCCEEDED", "credentialUsed", "BG-01 key A"))
                .post(accountPath + "/drills")
                .then()
                .statusCode(201);

        String body = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId + "/evidence")
                .then()
                .statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(tenantId))
                .extract()
                .asString();
        ObjectNode bundle = (ObjectNode) JSON.readTree(body);
        assertThat(bundle.path("tenant").path("tenantId").asText()).isEqualTo(tenantId);
        assertThat(bundle.path("accounts")).hasSize(1);
        assertThat(bundle.path("accounts").get(0).path("account").path("id").asText()).isEqualTo(accountId);
        assertThat(bundle.path("accounts").get(0).path("attestations").findValuesAsText("statement"))
                .containsExactly("Key in safe 1, seal 4711 intact.");
        assertThat(bundle.path("accounts").get(0).path("drills").findValuesAsText("outcome"))
                .containsExactly("SUCCEEDED");
        assertThat(bundle.path("accounts").get(0).path("readinessHistory").isArray()).isTrue();
        assertThat(bundle.path("ledger").path("entries").findValuesAsText("type"))
                .containsExactly("TENANT_CREATED", "ACCOUNT_CREATED", "ATTESTATION_RECORDED", "DRILL_RECORDED");
        assertThat(bundle.path("ledger").path("chain").size())
                .isEqualTo(bundle.path("ledger").path("head").path("sequence").asInt());
        assertThat(bundle.path("digest").asText()).matches("sha256:[0-9a-f]{64}");

        Path exported = write("bundle.json", body);
        assertThat(verify(exported)).startsWith("exit 0").contains("VALID");
        String head = bundle.path("ledger").path("head").path("hash").asText();
        assertThat(verify(exported, "--head", head)).startsWith("exit 0");
        assertThat(verify(exported, "--head", "sha256:" + "1".repeat(64))).startsWith("exit 1")
                .contains("not the expected head");

        ObjectNode changedEntry = bundle.deepCopy();
        ((ObjectNode) changedEntry.path("ledger").path("entries").get(1)).put("actor", "mallory");
        assertThat(verify(write("entry.json", JSON.writeValueAsString(changedEntry)))).startsWith("exit 1")
                .contains("hash does not match its content")
                .contains("bundle digest does not match");

        ObjectNode changedTenant = bundle.deepCopy();
        ((ObjectNode) changedTenant.path("tenant")).put("displayName", "Someone else");
        assertThat(verify(write("tenant.json", JSON.writeValueAsString(changedTenant)))).startsWith("exit 1")
                .contains("bundle digest does not match")
                .doesNotContain("entry");
    }

    @Test
    void bytesAppendedToStoredDataFailBothTheApiAndTheOfflineVerifierAtTheSameEntry() throws Exception {
        // issue 9 item 9: verify checks the stored text exactly as hashed, and the offline verifier agrees.
        String tenantId = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Appended bytes"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        io.restassured.path.json.JsonPath entry = ApiKeys.as(Roles.AUDITOR)
                .queryParam("tenantId", tenantId)
                .get("/api/v1/ledger/entries")
                .jsonPath();
        long sequence = entry.getLong("items[0].sequence");
        String data = superuserQuery("select data from ledger_entries where sequence = " + sequence);
        superuser("update ledger_entries set data = data || ' {\"displayName\":\"x\"}' where sequence = "
                + sequence);
        try {
            ApiKeys.as(Roles.AUDITOR)
                    .get("/api/v1/ledger/verify")
                    .then()
                    .statusCode(200)
                    .body("valid", org.hamcrest.Matchers.equalTo(false))
                    .body("firstInvalidEntry", org.hamcrest.Matchers.equalTo((int) sequence))
                    .body("reason", org.hamcrest.Matchers.containsString("hash does not match"));
            String body = ApiKeys.as(Roles.AUDITOR)
                    .get("/api/v1/tenants/" + tenantId + "/evidence")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(verify(write("appended.json", body))).startsWith("exit 1")
                    .contains("entry " + sequence + ": hash does not match its content")
                    .doesNotContain("bundle digest");
        } finally {
            superuser("update ledger_entries set data = '" + data.replace("'", "''") + "' where sequence = "
                    + sequence);
        }
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/ledger/verify")
                .then()
                .body("valid",
                        org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void evidenceIsForAuditorsAndKnownTenants() {
        given().get("/api/v1/tenants/" + UUID.randomUUID() + "/evidence").then().statusCode(401);
        given().auth()
                .oauth2(ApiKeys.custodian("ada@contoso.com"))
                .get("/api/v1/tenants/" + UUID.randomUUID() + "/evidence")
                .then()
                .statusCode(403);
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + UUID.randomUUID() + "/evidence")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    /** Runs statements as a superuser who has switched the ledger's triggers off (as LedgerTamperingTest does). */
    private static void superuser(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String superuserQuery(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Runs the verifier: "exit N" followed by its output. */
    private static String verify(Path bundle, String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("python3", VERIFIER.toString(), bundle.toString()));
        command.addAll(List.of(options));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("python3 is needed to run the offline evidence verifier (docs/verify-evidence.py): " + e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return "exit " + process.exitValue() + "\n" + output;
    }
}
