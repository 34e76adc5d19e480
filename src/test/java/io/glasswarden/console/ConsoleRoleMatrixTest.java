package io.glasswarden.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.glasswarden.directory.SignIn;
import io.glasswarden.security.Roles;
import io.glasswarden.signins.SignInPolls;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Who may open which console page and post which form, signed in through the sign-in form as each kind of caller. The
 * rows follow from the same roles as the API's role matrix (admin ⊃ operator ⊃ auditor; custodian apart): an allowed
 * caller gets the page or the redirect after a form, a signed-in caller without the role gets the 403 page, and a
 * caller without a session is sent to the sign-in form. Every form row carries a valid CSRF token, so that a 403 can
 * only come from the role check.
 */
@QuarkusTest
class ConsoleRoleMatrixTest {

    static final String NONE = "none";
    static final String CUSTODIAN_EMAIL = "console-matrix-custodian@contoso.com";

    /** api.md: admin ⊃ operator ⊃ auditor; custodian stands apart. */
    static final Map<String, Set<String>> EFFECTIVE_ROLES = Map.of(
            Roles.ADMIN, Set.of(Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR),
            Roles.OPERATOR, Set.of(Roles.OPERATOR, Roles.AUDITOR),
            Roles.AUDITOR, Set.of(Roles.AUDITOR),
            Roles.CUSTODIAN, Set.of(Roles.CUSTODIAN),
            NONE, Set.of());

    record Page(String method, String path, Supplier<Map<String, String>> form, int success, Set<String> allowed) {
    }

    static Page page(String method, String path, Supplier<Map<String, String>> form, int success,
            String... allowed) {
        return new Page(method, path, form, success, Set.of(allowed));
    }

    static final List<Page> PAGES = List.of(
            page("GET", "/", null, 200, Roles.AUDITOR, Roles.CUSTODIAN),
            page("GET", "/tenants/{tenant}", null, 200, Roles.AUDITOR),
            page("GET", "/tenants/{account}", null, 200, Roles.AUDITOR, Roles.CUSTODIAN),
            page("GET", "/tenants/{tenant}/evidence.json", null, 200, Roles.AUDITOR),
            page("GET", "/ledger", null, 200, Roles.AUDITOR),
            page("GET", "/ledger/evidence?tenant={tenantId}", null, 200, Roles.AUDITOR),
            page("POST", "/tenants/{tenant}/evaluate", Map::of, 303, Roles.OPERATOR),
            page("POST", "/tenants/{account}/drills", () -> Map.of("performedAt", anHourAgo(), "performedBy",
                    CUSTODIAN_EMAIL, "outcome", "SUCCEEDED"), 303, Roles.OPERATOR, Roles.CUSTODIAN),
            page("POST", "/tenants/{account}/attestations", () -> Map.of("kind", "CUSTODY", "attestedBy",
                    CUSTODIAN_EMAIL, "statement", "Key in safe 1."), 303, Roles.OPERATOR, Roles.CUSTODIAN),
            // Only a sign-in Glasswarden saw can be acknowledged: {account} resolves to an account with one observed.
            page("POST", "/tenants/{account}/sign-ins/matrix-sign-in/acknowledge", () -> Map.of("classification",
                    "DRILL"), 303, Roles.OPERATOR));

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Page page : PAGES) {
            for (String caller : List.of(Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR, Roles.CUSTODIAN, NONE)) {
                rows.add(Arguments.of(caller, page.method(), page.path(), expected(caller, page), page));
            }
        }
        return rows.stream();
    }

    private static int expected(String caller, Page page) {
        if (caller.equals(NONE)) {
            return 303;
        }
        boolean allowed = EFFECTIVE_ROLES.get(caller).stream().anyMatch(page.allowed()::contains);
        return allowed ? page.success() : 403;
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("matrix")
    void callerGetsThePageItsRoleAllows(String caller, String method, String path, int expected, Page page) {
        String resolved = path.contains("{tenant}") ? path.replace("{tenant}", newTenant()) : path;
        resolved = resolved.contains("{tenantId}") ? resolved.replace("{tenantId}", newTenant()) : resolved;
        resolved = resolved.contains("{account}") ? resolved.replace("{account}", newTenantAccount()) : resolved;
        RequestSpecification request;
        if (caller.equals(NONE)) {
            request = given().redirects().follow(false);
            if (page.form() != null) {
                request.formParams(page.form().get());
            }
        } else {
            PageSession session = session(caller);
            request = session.request();
            if (page.form() != null) {
                Map<String, String> form = new HashMap<>(page.form().get());
                form.put("csrf", session.csrf());
                request.formParams(form);
            }
        }

        Response response = request.request(method, resolved);

        assertThat(response.statusCode()).as("%s %s %s", caller, method, resolved).isEqualTo(expected);
        if (expected == 403) {
            assertThat(response.contentType()).as("the refusal is a page, not JSON").startsWith("text/html");
            assertThat(response.asString()).contains("Not allowed").contains("Your role does not allow this");
        } else if (caller.equals(NONE)) {
            assertThat(response.header("Location")).as("no session: to the sign-in form").endsWith("/sign-in");
        }
    }

    @Test
    void theLedgerPagesEvidenceDownloadOfAnUnknownOrMissingTenantIsNotFound() {
        PageSession auditor = session(Roles.AUDITOR);

        for (String query : List.of("?tenant=" + UUID.randomUUID(), "?tenant=not-a-tenant", "")) {
            Response response = auditor.request().get("/ledger/evidence" + query);

            assertThat(response.statusCode()).as(query).isEqualTo(404);
            assertThat(response.asString()).as(query).doesNotContain("\"ledger\"");
        }
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefusedEvenForAnAdmin() {
        PageSession admin = session(Roles.ADMIN);
        String account = newTenantAccount();

        Response refused = admin.request()
                .formParams(Map.of("performedAt", anHourAgo(), "performedBy", "Mallory", "outcome", "SUCCEEDED",
                        "csrf", "forged"))
                .post("/tenants/" + account + "/drills");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.asString()).contains("CSRF token is missing or stale");
        assertThat(ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + account + "/drills")
                .<List<?>>path("items")).as("nothing was recorded").isEmpty();
    }

    @Test
    void theSessionCookieIsNeverAcceptedByTheApi() {
        PageSession admin = session(Roles.ADMIN);

        Response api = admin.request().get("/api/v1/tenants");

        assertThat(api.statusCode()).as("a cookie can not carry a cross-site request to the API").isEqualTo(401);
    }

    private static final Map<String, PageSession> SESSIONS = new HashMap<>();

    private static synchronized PageSession session(String role) {
        return SESSIONS.computeIfAbsent(role, r -> PageSession.signIn(r.equals(Roles.CUSTODIAN)
                ? ApiKeys.custodian(CUSTODIAN_EMAIL)
                : ApiKeys.of(r)));
    }

    private static String anHourAgo() {
        return LocalDateTime.ofInstant(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES),
                ZoneOffset.UTC).toString();
    }

    private static String newTenant() {
        String tenantId = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Console matrix"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        return tenantId;
    }

    /**
     * A fresh account (custodian: the matrix custodian) of a fresh tenant, as {@code <tenantId>/accounts/<id>}, with
     * one sign-in the watch observed ({@code matrix-sign-in}), so that acknowledging it can succeed.
     */
    private static String newTenantAccount() {
        String tenantId = newTenant();
        String objectId = UUID.randomUUID().toString();
        String accountId = ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("objectId", objectId, "custodians",
                        List.of(Map.of("name", "Matrix custodian", "email", CUSTODIAN_EMAIL))))
                .post("/api/v1/tenants/" + tenantId + "/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        SignInPolls.observe(UUID.fromString(accountId), new SignIn("matrix-sign-in", objectId, null, Instant.now()
                .minus(5, ChronoUnit.MINUTES), 0, null, true, "Azure Portal", "192.0.2.7"));
        return tenantId + "/accounts/" + accountId;
    }
}
