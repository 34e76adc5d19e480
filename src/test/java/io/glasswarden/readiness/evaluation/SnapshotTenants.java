package io.glasswarden.readiness.evaluation;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Test scenarios built from the demo data ({@code demo/}): a new snapshot tenant with a fresh id, its snapshot, and
 * the chosen demo accounts (bg-01 ready, bg-02 one key, bg-03 blocked AAGUIDs, bg-04 CA block, bg-05 permission).
 */
public final class SnapshotTenants {

    static final String DEMO_TENANT = "00000000-0000-4000-8000-00000000de30";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RELATIVE = Pattern.compile("\\$\\{now(?:-(\\d+)d)?}");

    private SnapshotTenants() {
    }

    public static String newTenant(String directory) {
        String tenantId = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Scenario " + tenantId, "directory", directory,
                        "settings", Map.of("escalationContacts", List.of("soc@contoso.example"))))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        return tenantId;
    }

    /** The demo snapshot for this tenant, dates resolved against now. */
    public static String snapshot(String tenantId) {
        return resolve(resource("demo/contoso-snapshot.json")).replace(DEMO_TENANT, tenantId);
    }

    public static void upload(String tenantId, String snapshot) {
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(snapshot)
                .put("/api/v1/tenants/" + tenantId + "/snapshot")
                .then()
                .statusCode(200);
    }

    /** Adds demo accounts 1–5 by number; returns their ids in the same order. */
    public static List<String> addAccounts(String tenantId, int... numbers) {
        List<Map<String, Object>> accounts = demoAccounts();
        return java.util.Arrays.stream(numbers)
                .mapToObj(n -> ApiKeys.as(Roles.OPERATOR)
                        .contentType(ContentType.JSON)
                        .body(accounts.get(n - 1))
                        .post("/api/v1/tenants/" + tenantId + "/accounts")
                        .then()
                        .statusCode(201)
                        .extract()
                        .<String>path("id"))
                .toList();
    }

    public static String requestEvaluation(String tenantId) {
        return ApiKeys.as(Roles.OPERATOR)
                .post("/api/v1/tenants/" + tenantId + "/evaluations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    /** Waits until the evaluation finished (COMPLETED or FAILED) and returns its resource. */
    public static Response awaitFinished(String evaluationId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/" + evaluationId).path("status");
            return "COMPLETED".equals(status) || "FAILED".equals(status);
        });
        return ApiKeys.as(Roles.AUDITOR).get("/api/v1/evaluations/" + evaluationId);
    }

    static List<Map<String, Object>> demoAccounts() {
        try {
            return JSON.readValue(resource("demo/contoso-accounts.json"), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resolve(String template) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Matcher m = RELATIVE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            m.appendReplacement(out, now.minus(Duration.ofDays(days)).toString());
        }
        m.appendTail(out);
        return out.toString();
    }

    static String resource(String path) {
        try (InputStream in = SnapshotTenants.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
