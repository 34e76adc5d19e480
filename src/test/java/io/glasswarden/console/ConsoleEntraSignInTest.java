package io.glasswarden.console;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Production sign-in: the console OIDC tenant's authorization-code flow against a test issuer (WireMock with real
 * signing keys), in Chromium. The issuer's login page sends the browser back with a code; the ID token it then issues
 * carries the operator app role, which the console honours as the API does, and the session's forms need its CSRF
 * token.
 */
@QuarkusTest
@TestProfile(ConsoleEntraSignInTest.EntraProfile.class)
class ConsoleEntraSignInTest {

    static final String CLIENT_ID = "glasswarden-console";

    public static class EntraProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.console.tenant-enabled", "true",
                    "quarkus.oidc.console.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.console.client-id", CLIENT_ID,
                    "quarkus.oidc.console.credentials.secret", "test-only-console-client-secret",
                    "quarkus.oidc.console.token.issuer", "any",
                    // The test issuer puts roles in "groups"; Entra ID puts app roles in "roles".
                    "quarkus.oidc.console.roles.role-claim-path", "groups");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    private static Browser browser;

    @OidcWireMock
    WireMockServer issuer;
    @TestHTTPResource("/")
    URL base;

    private Page page;

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void issuerSignsInAnOperator() {
        // Per test, so that without Chromium each test is reported as skipped (not the class silently at 0).
        browser = browser == null ? Browser.start() : browser;
        String idToken = OidcWiremockTestResource.generateJwtToken("ada@contoso.com", Set.of(Roles.OPERATOR),
                "ada-object-id", "ID", Set.of(CLIENT_ID), Map.of());
        issuer.stubFor(post("/auth/realms/quarkus/token").atPriority(1)
                .withRequestBody(containing("authorization_code"))
                .willReturn(okJson("{\"access_token\":\"" + OidcWiremockTestResource.getAccessToken("ada@contoso.com",
                        Set.of(Roles.OPERATOR)) + "\",\"id_token\":\"" + idToken
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        page = browser.newPage(base.toString());
    }

    @Test
    void anOperatorSignsInWithEntraIdPostsAFormAndSignsOut() {
        String tenant = java.util.UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType("application/json")
                .body(Map.of("tenantId", tenant, "displayName", "Entra sign-in"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);

        page.navigate("/");
        assertThat(page.url()).endsWith("/sign-in");
        page.getByText("Sign in with Microsoft Entra ID").click();
        assertThat(page.url()).as("at the issuer's login page").contains("/auth/realms/quarkus");
        page.locator("#login").click();

        assertThat(page.locator("h1").textContent()).as("back from the issuer, signed in").isEqualTo("Fleet");
        assertThat(page.locator(".who").textContent()).contains("ada@contoso.com").contains("(operator)");
        Browser.screenshot(page, "entra-fleet");

        page.navigate("/tenants/" + tenant);
        Response evaluate = page.waitForResponse(r -> r.url().endsWith("/evaluate"),
                () -> page.getByText("Evaluate now").click());
        assertThat(evaluate.status()).as("the form's CSRF token matches the Entra ID session").isEqualTo(303);
        assertThat(page.url()).contains("evaluation=queued");

        page.locator("form[action$='/evaluate'] input[name=csrf]").evaluate("e => e.value = 'forged'");
        Response forged = page.waitForResponse(r -> r.url().endsWith("/evaluate"),
                () -> page.getByText("Evaluate now").click());
        assertThat(forged.status()).as("a forged token is refused for Entra ID sessions too").isEqualTo(403);

        page.navigate("/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.url()).endsWith("/sign-in");
        page.navigate("/");
        assertThat(page.url()).as("the Entra ID session cookie is gone").endsWith("/sign-in");
    }
}
