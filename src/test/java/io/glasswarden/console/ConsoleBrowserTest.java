package io.glasswarden.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.glasswarden.directory.SignIn;
import io.glasswarden.security.Roles;
import io.glasswarden.signins.SignInPolls;
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

    /**
     * The embedded default as a newcomer gets it: the demo fleet, and no bootstrap key, so that the service writes a
     * first-start admin key to a fresh data directory.
     */
    public static class DemoProfile implements QuarkusTestProfile {
        static final Path DATA_DIR = Path.of("target", "console-test-data", UUID.randomUUID().toString());

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("glasswarden.demo.enabled", "true",
                    "glasswarden.bootstrap-api-key", "",
                    "glasswarden.data-dir", DATA_DIR.toString());
        }
    }

    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    private Page page;

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void demoIsEvaluated() {
        // Per test, so that without Chromium each test is reported as skipped (not the class silently at 0).
        browser = browser == null ? Browser.start() : browser;
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

    /** Follows the link of the account's row (tenant page or a custodian's list). */
    private void openAccount(String upn) {
        page.locator("tr", new Page.LocatorOptions().setHasText(upn))
                .getByRole(com.microsoft.playwright.options.AriaRole.LINK)
                .first()
                .click();
        assertThat(page.url()).contains("/accounts/");
    }

    @Test
    void theFirstStartKeySignsInToTheDemoFleetAndTheNotReadyAccountShowsItsAaguidFinding() {
        signIn(ApiKeys.firstStart(DemoProfile.DATA_DIR));

        assertThat(page.locator("h1").textContent()).isEqualTo("Fleet");
        String demoRow = page.locator("tr", new Page.LocatorOptions().setHasText("Contoso (demo)")).textContent();
        assertThat(demoRow).as("status as text and shape, the worst failing rule, the next drill")
                .contains("NOT_READY")
                .contains("✖")
                .contains("BG-010")
                .containsPattern("\\d{4}-\\d{2}-\\d{2}");
        Browser.screenshot(page, "fleet");

        page.getByLabel("Filter").fill("contoso");
        page.getByLabel("Sort by").selectOption("name");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Apply")).click();
        assertThat(page.url()).as("filter and sort are query parameters").contains("q=contoso").contains("sort=name");
        assertThat(page.locator("table.fleet tbody tr").allTextContents()).singleElement()
                .asString()
                .contains("Contoso (demo)");
        page.navigate("/?q=no-such-tenant");
        assertThat(page.locator("table.fleet tbody").textContent()).contains("No tenant matches");
        page.navigate("/");

        page.getByText("Contoso (demo)").click();
        assertThat(page.locator("h1").textContent()).isEqualTo("Contoso (demo)");
        int usable = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + DEMO + "/accounts?size=100")
                .path("items.find { it.userPrincipalName == 'bg-03@contoso-demo.onmicrosoft.com' }"
                        + ".readiness.usableCredentials");
        List<String> cells = page.locator("#accounts tr", new Page.LocatorOptions().setHasText(
                "bg-03@contoso-demo.onmicrosoft.com")).locator("td").allTextContents();
        assertThat(cells.get(0)).as("the status read from the stored readiness, as text and shape")
                .contains("✖")
                .contains("NOT_READY");
        assertThat(cells.get(1).trim()).as("its usable credentials, as the API reports them")
                .isEqualTo(String.valueOf(usable));
        Browser.screenshot(page, "tenant");
        openAccount("bg-03@contoso-demo.onmicrosoft.com");

        assertThat(page.locator("main").textContent()).contains("bg-03@contoso-demo.onmicrosoft.com");
        assertThat(page.locator("main p", new Page.LocatorOptions().setHasText("bg-03@contoso-demo.onmicrosoft.com"))
                .first()
                .textContent()).as("status and evaluation time of the readiness")
                .contains("NOT_READY")
                .containsPattern("evaluated \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
        String failed = page.locator("table.findings tr.row-FAIL").allTextContents().toString();
        assertThat(failed).as("the allow-list finding, with its remediation")
                .contains("BG-013")
                .contains("Remediation");
        assertThat(page.locator("table.findings tr.row-FAIL", new Page.LocatorOptions().setHasText("BG-013"))
                .locator("a[href^='https://learn.microsoft.com/']")
                .count()).as("the finding links to its reference").isPositive();
        assertThat(page.locator("#credentials table.credentials").textContent())
                .as("the AAGUID catalogue's model name next to the credential Entra ID reports")
                .contains("BG-03 key A (Feitian)")
                .contains("Feitian ePass FIDO2-NFC Authenticator")
                .contains("ee041bce-25e5-4cdb-8f86-897fd6418464");
        assertThat(page.locator("#credentials table.credentials tr",
                new Page.LocatorOptions().setHasText("BG-03 key A (Feitian)")).textContent())
                .as("next to the inventory's physical key of that label, with its serial and location")
                .contains("19360003")
                .contains("Safe 1, Amsterdam");
        assertThat(page.locator("#history svg circle").count()).as("the readiness history, drawn on the server")
                .isPositive();
        Browser.screenshot(page, "account-not-ready");
        Browser.screenshotOfWindow(page, "account-not-ready-window");
    }

    @Test
    void anOperatorAcknowledgesASignInAndRecordsADrillAndTheLedgerStaysValid() {
        String bg02 = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + DEMO + "/accounts?size=100")
                .path("items.find { it.userPrincipalName == 'bg-02@contoso-demo.onmicrosoft.com' }.id");
        SignInPolls.observe(UUID.fromString(bg02), new SignIn("console-" + UUID.randomUUID(), null,
                "bg-02@contoso-demo.onmicrosoft.com", Instant.now().minusSeconds(600), 0, null, true,
                "Microsoft Entra admin center", "203.0.113.10"));
        signIn(ApiKeys.of(Roles.ADMIN));
        page.navigate("/tenants/" + DEMO);
        int open = page.locator("#sign-ins tbody tr").count();
        assertThat(open).as("sign-ins to review").isPositive();

        page.locator("#sign-ins tbody tr").first().locator("select").selectOption("DRILL");
        page.locator("#sign-ins tbody tr")
                .first()
                .getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Acknowledge"))
                .click();
        assertThat(page.url()).contains("/tenants/" + DEMO);
        assertThat(page.locator("#sign-ins tbody tr").count()).isEqualTo(open - 1);

        openAccount("bg-01@contoso-demo.onmicrosoft.com");
        page.getByLabel("Performed at (UTC)").fill("2026-11-30T09:15");
        page.getByLabel("Performed by").fill("Ada Admin");
        page.getByLabel("Key used (label)").fill("BG-01 key A");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Record drill")).click();
        assertThat(page.locator("#drills table").first().textContent()).contains("Ada Admin").contains("SUCCEEDED");

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

        page.navigate("/ledger");
        page.getByLabel("Tenant").selectOption(DEMO);
        Download fromLedger = page.waitForDownload(() -> page.getByRole(
                com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Download evidence bundle")).click());
        assertThat(fromLedger.suggestedFilename()).as("the ledger page offers the chosen tenant's bundle")
                .startsWith("glasswarden-evidence-" + DEMO);
        assertThat(Files.readString(fromLedger.path())).contains(DEMO).contains("\"ledger\"");
    }

    @Test
    void theTenantPageShowsEachAccountsCustodyAttestationAndWhenItIsOverdue() throws Exception {
        String tenant = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType("application/json")
                .body("{\"tenantId\":\"" + tenant + "\",\"displayName\":\"Northwind\",\"cloud\":\"global\"}")
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        Map<String, String> ids = new java.util.HashMap<>();
        for (String upn : new String[]{"bg-sealed", "bg-forgotten"}) {
            ids.put(upn, ApiKeys.as(Roles.OPERATOR)
                    .contentType("application/json")
                    .body("{\"userPrincipalName\":\"" + upn + "@northwind.example\",\"custodians\":[{\"name\":\"Ada\","
                            + "\"email\":\"ada@northwind.example\"}]}")
                    .post("/api/v1/tenants/" + tenant + "/accounts")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        // bg-forgotten was inventoried 100 days ago and never attested: its attestation (every 90 days) is overdue
        try (var connection = dataSource.getConnection();
                var update = connection.prepareStatement("update accounts set created_at = ? where id = ?")) {
            update.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(100));
            update.setObject(2, UUID.fromString(ids.get("bg-forgotten")));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        ApiKeys.as(Roles.OPERATOR)
                .contentType("application/json")
                .body("{\"kind\":\"CUSTODY\",\"attestedBy\":\"ada@northwind.example\",\"statement\":\"Sealed in safe 3.\"}")
                .post("/api/v1/tenants/" + tenant + "/accounts/" + ids.get("bg-sealed") + "/attestations")
                .then()
                .statusCode(201);
        signIn(ApiKeys.of(Roles.AUDITOR));

        page.navigate("/tenants/" + tenant);

        assertThat(page.locator("#accounts thead").textContent()).contains("Custody attestation");
        assertThat(page.locator("#accounts tr", new Page.LocatorOptions().setHasText("bg-sealed")).textContent())
                .as("attested today: who attested, and the next one due in 90 days")
                .contains("last " + today)
                .contains("by ada@northwind.example")
                .contains("due by " + today.plusDays(90))
                .doesNotContain("overdue");
        assertThat(page.locator("#accounts tr", new Page.LocatorOptions().setHasText("bg-forgotten")).textContent())
                .as("never attested: due 90 days after it was inventoried, so overdue since 10 days, marked by shape")
                .contains("never attested")
                .contains("✖ overdue since " + today.minusDays(10))
                .doesNotContain("due by");
        Browser.screenshot(page, "tenant-custody");
    }

    @Test
    void aCustodianSeesOnlyTheirOwnAccountAndRecordsADrillAndAnAttestationForIt() {
        String tenant = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType("application/json")
                .body("{\"tenantId\":\"" + tenant + "\",\"displayName\":\"Fabrikam\",\"cloud\":\"global\"}")
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        for (String upn : new String[]{"bg-linus", "bg-grace"}) {
            ApiKeys.as(Roles.OPERATOR)
                    .contentType("application/json")
                    .body("{\"userPrincipalName\":\"" + upn + "@fabrikam.example\",\"custodians\":[{\"name\":\""
                            + upn + "\",\"email\":\"" + upn.substring(3) + "@fabrikam.example\"}]}")
                    .post("/api/v1/tenants/" + tenant + "/accounts")
                    .then()
                    .statusCode(201);
        }

        signIn(ApiKeys.custodian("linus@fabrikam.example"));

        assertThat(page.locator("h1").textContent()).isEqualTo("Your emergency accounts");
        assertThat(page.locator("main").textContent()).as("only the account naming Linus as custodian")
                .contains("bg-linus@fabrikam.example")
                .doesNotContain("bg-grace@fabrikam.example")
                .doesNotContain("contoso-demo");
        Browser.screenshot(page, "custodian");

        openAccount("bg-linus@fabrikam.example");
        assertThat(page.locator("h1").textContent()).contains("bg-linus");
        page.getByLabel("Performed at (UTC)").fill("2026-11-29T08:00");
        page.getByLabel("Performed by").fill("Linus");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Record drill")).click();
        assertThat(page.locator("#drills table").first().textContent()).contains("Linus").contains("SUCCEEDED");

        page.getByLabel("Kind").selectOption("CUSTODY");
        // a custodian attests in their own name only (docs/security.md): their own e-mail
        page.getByLabel("Attested by").fill("linus@fabrikam.example");
        page.getByLabel("Statement").fill("Both keys are in safe 2.");
        page.getByLabel("Keys sighted (one label per line)").fill("key A\nkey B");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Record attestation")).click();
        assertThat(page.locator("#attestations table").first().textContent()).contains("CUSTODY")
                .contains("Both keys are in safe 2.")
                .contains("key A, key B")
                .contains("linus@fabrikam.example");

        String grace = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenant + "/accounts?size=100")
                .path("items.find { it.userPrincipalName == 'bg-grace@fabrikam.example' }.id");
        Response other = page.navigate("/tenants/" + tenant + "/accounts/" + grace);
        assertThat(other.status()).as("another custodian's account does not exist for Linus").isEqualTo(404);
        Response tenantPage = page.navigate("/tenants/" + DEMO);
        assertThat(tenantPage.status()).as("tenant pages are for auditors").isEqualTo(403);
        assertThat(page.locator("main").textContent()).contains("Not allowed");
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
