package io.glasswarden.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.glasswarden.security.Roles;
import io.glasswarden.signins.SignInWatch;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The console in a real browser (Debian's headless Chromium) over the demo fleet: sign in with an API key, read the
 * fleet, open the NOT_READY account and see the AAGUID finding, acknowledge a sign-in, record a drill, download
 * evidence, a custodian seeing only their account, CSRF refusal and sign-out. Screenshots go to target/screenshots.
 */
@QuarkusTest
@TestProfile(ConsoleBrowserTest.DemoProfile.class)
class ConsoleBrowserTest {

    /** The demo tenant "Contoso (demo)" (io.glasswarden.demo.DemoTenant). */
    private static final String DEMO = "00000000-0000-4000-8000-00000000de30";

    public static class DemoProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("glasswarden.demo.enabled", "true");
        }
    }

    private static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    SignInWatch signInWatch;

    private Page page;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void demoIsEvaluated() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ApiKeys.as(Roles.AUDITOR)
                        .get("/api/v1/tenants/" + DEMO + "/readiness")
                        .statusCode() == 200);
        page = browser.newPage(base.toString());
    }

    private void signIn(String key) {
        page.navigate("/");
        assertThat(page.url()).as("unauthenticated pages lead to the sign-in form").endsWith("/sign-in");
        page.getByLabel("API key").fill(key);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    @Test
    void anAdminSignsInReadsTheFleetAndFindsTheAaguidFindingOfTheNotReadyAccount() {
        signIn(ApiKeys.of(Roles.ADMIN));

        assertThat(page.locator("h1").textContent()).isEqualTo("Fleet");
        String demoRow = page.locator("tr", new Page.LocatorOptions().setHasText("Contoso (demo)")).textContent();
        assertThat(demoRow).contains("NOT_READY").contains("✖");
        Browser.screenshot(page, "fleet");

        page.getByText("Contoso (demo)").click();
        assertThat(page.locator("h1").textContent()).isEqualTo("Contoso (demo)");
        Browser.screenshot(page, "tenant");
        page.getByText("bg-03@contoso-demo.onmicrosoft.com").first().click();

        assertThat(page.locator("h1").textContent()).contains("03");
        String failed = page.locator("table.findings tr.row-FAIL").allTextContents().toString();
        assertThat(failed).as("the allow-list finding, with its remediation")
                .contains("BG-013")
                .contains("Remediation");
        Browser.screenshot(page, "account-not-ready");
    }

    @Test
    void anOperatorAcknowledgesASignInAndRecordsADrillAndTheLedgerStaysValid() {
        signInWatch.pollAll();
        signIn(ApiKeys.of(Roles.ADMIN));
        page.navigate("/tenants/" + DEMO);
        int open = page.locator("#sign-ins ~ table tbody tr").count();
        assertThat(open).as("sign-ins to review").isPositive();

        page.locator("#sign-ins ~ table tbody tr").first().locator("select").selectOption("DRILL");
        page.locator("#sign-ins ~ table tbody tr")
                .first()
                .getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Acknowledge"))
                .click();
        assertThat(page.url()).contains("/tenants/" + DEMO);
        assertThat(page.locator("#sign-ins ~ table tbody tr").count()).isEqualTo(open - 1);

        page.getByText("bg-01@contoso-demo.onmicrosoft.com").first().click();
        page.getByLabel("Performed at (UTC)").fill("2026-11-30T09:15");
        page.getByLabel("Performed by").fill("Ada Admin");
        page.getByLabel("Key used (label)").fill("BG-01 key A");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Record drill")).click();
        assertThat(page.locator("#drills ~ table").first().textContent()).contains("Ada Admin").contains("SUCCEEDED");

        page.navigate("/ledger");
        assertThat(page.locator("main").textContent()).contains("The hash chain is intact")
                .contains("SIGN_IN_ACKNOWLEDGED")
                .contains("DRILL_RECORDED");
        Browser.screenshot(page, "ledger");
    }

    @Test
    void anAuditorDownloadsTheEvidenceBundleButCannotEvaluate() throws Exception {
        signIn(ApiKeys.of(Roles.AUDITOR));
        page.navigate("/tenants/" + DEMO);
        assertThat(page.getByText("Evaluate now").count()).as("auditors have no evaluate button").isZero();

        Download download = page.waitForDownload(() -> page.getByText("Download evidence bundle").click());
        String bundle = Files.readString(download.path());
        assertThat(bundle).contains("\"tenantId\"").contains(DEMO).contains("\"ledger\"");
    }

    @Test
    void aCustodianSeesOnlyTheirOwnAccount() {
        String tenant = "6c1d7a3e-2f45-4b8c-9d0e-1a2b3c4d5e6f";
        ApiKeys.as(Roles.OPERATOR)
                .contentType("application/json")
                .body("{\"tenantId\":\"" + tenant + "\",\"displayName\":\"Fabrikam\",\"cloud\":\"global\"}")
                .post("/api/v1/tenants");
        ApiKeys.as(Roles.OPERATOR)
                .contentType("application/json")
                .body("{\"userPrincipalName\":\"bg-linus@fabrikam.example\",\"custodians\":[{\"name\":\"Linus\","
                        + "\"email\":\"linus@fabrikam.example\"}]}")
                .post("/api/v1/tenants/" + tenant + "/accounts");

        signIn(ApiKeys.custodian("linus@fabrikam.example"));

        assertThat(page.locator("h1").textContent()).isEqualTo("Your emergency accounts");
        assertThat(page.locator("main").textContent()).contains("bg-linus@fabrikam.example")
                .doesNotContain("contoso-demo");
        Response tenantPage = page.navigate("/tenants/" + DEMO);
        assertThat(tenantPage.status()).as("tenant pages are for auditors").isEqualTo(403);
        Browser.screenshot(page, "custodian");
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenChangesNothing() {
        signIn(ApiKeys.of(Roles.ADMIN));
        page.navigate("/tenants/" + DEMO);
        page.locator("form[action$='/evaluate'] input[name=csrf]").evaluate("e => e.value = 'forged'");
        Response refused = page.waitForResponse(r -> r.url().endsWith("/evaluate"),
                () -> page.getByText("Evaluate now").click());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(page.locator("main").textContent()).contains("CSRF");
    }

    @Test
    void signingOutEndsTheSession() {
        signIn(ApiKeys.of(Roles.ADMIN));
        assertThat(page.locator("h1").textContent()).isEqualTo("Fleet");

        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.url()).endsWith("/sign-in");
        page.navigate("/");
        assertThat(page.url()).as("the old cookie no longer signs in").endsWith("/sign-in");
    }

    @Test
    void anUnknownKeyIsRefused() {
        page.navigate("/sign-in");
        page.getByLabel("API key").fill("gwk_" + "A".repeat(43));
        Response answer = page.waitForResponse(r -> r.url().endsWith("/sign-in") && r.request()
                .method()
                .equals(
                        "POST"),
                () -> page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in")).click());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT).textContent())
                .contains("unknown, revoked or malformed");
    }
}
