package io.glasswarden.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.ConcurrentPosts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Accounts created at the same moment (an MSP's provisioning script, issue 10): created, or a 409; never a 500. */
@QuarkusTest
class ConcurrentAccountCreationTest {

    private static final int CALLERS = 8;
    private static final int EACH = 6;

    @TestHTTPResource("/")
    URI root;
    private String tenantId;

    @BeforeEach
    void newTenant() {
        tenantId = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Concurrent"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
    }

    @Test
    void differentAccountsCreatedAtTheSameTimeAreAllCreated() throws Exception {
        List<HttpResponse<String>> answers = create(n -> body(UUID.randomUUID().toString(), "bg-" + n
                + "@contoso.onmicrosoft.com"));

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(201));
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId + "/accounts?size=100")
                .then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(CALLERS * EACH));
    }

    @Test
    void oneObjectIdSentAtTheSameTimeIsCreatedOnceAndOtherwiseAConflict() throws Exception {
        String objectId = UUID.randomUUID().toString();

        assertCreatedOnce(create(n -> body(objectId, null)), "Object id " + objectId + " is already inventoried");
    }

    @Test
    void oneUserPrincipalNameSentAtTheSameTimeIsCreatedOnceAndOtherwiseAConflict() throws Exception {
        assertCreatedOnce(create(n -> body(null, "BG-Same@contoso.onmicrosoft.com")),
                "User principal name BG-Same@contoso.onmicrosoft.com is already inventoried");
    }

    private static void assertCreatedOnce(List<HttpResponse<String>> answers, String conflict) {
        assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.statusCode() != 201).hasSize(CALLERS * EACH - 1).allSatisfy(a -> {
            assertThat(a.statusCode()).as(a.body()).isEqualTo(409);
            assertThat(a.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(a.body()).contains("https://glasswarden.io/problems/conflict").contains(conflict);
        });
    }

    private List<HttpResponse<String>> create(java.util.function.IntFunction<String> body) throws Exception {
        return ConcurrentPosts.send(root.resolve("api/v1/tenants/" + tenantId + "/accounts"), ApiKeys.of(
                Roles.OPERATOR), CALLERS, EACH, body);
    }

    private static String body(String objectId, String upn) {
        return "{" + (objectId == null ? "" : "\"objectId\":\"" + objectId + "\",")
                + (upn == null ? "" : "\"userPrincipalName\":\"" + upn + "\",")
                + "\"custodians\":[{\"name\":\"Ada\",\"email\":\"ada@example.com\"},"
                + "{\"name\":\"Bo\",\"email\":\"bo@example.com\"}],\"keys\":[{\"label\":\"key A\",\"serialNumber\":\""
                + UUID.randomUUID() + "\",\"location\":\"Safe\"}]}";
    }
}
