package io.glasswarden.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.glasswarden.enforcement.EnforcementEscalations;
import io.glasswarden.notifications.OutboxDispatcher;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.GreenMailResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The enforcement impact report against the fake Graph. Shapes: beta {@code signIn} with
 * {@code authenticationRequirement} and {@code signInEventTypes} (graph-reference §7.2, §7.3), {@code subscribedSkus}
 * service plans {@code AAD_PREMIUM}/{@code AAD_PREMIUM_P2}, {@code userRegistrationDetails.isMfaCapable} (§7.4), the
 * non-premium 403 {@code Authentication_RequestFromNonPremiumTenantOrB2CTenant} (§7.1) and a permission 403
 * {@code Authorization_RequestDenied}. Application ids: Microsoft Learn, mandatory MFA planning page.
 */
@QuarkusTest
@TestProfile(EnforcementImpactGraphTest.LiveGraphAndMailProfile.class)
class EnforcementImpactGraphTest {

    /** The live-looking Graph, and the real outbox with a real SMTP server (GreenMail) for the escalation e-mails. */
    public static class LiveGraphAndMailProfile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LiveGraphResource.class), new TestResourceEntry(
                    GreenMailResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("glasswarden.notifications.dispatch-after-commit", "false", "glasswarden.public-url",
                    "https://glasswarden.test");
        }
    }

    static final String PORTAL = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";
    static final String CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    static final String POWERSHELL = "1950a258-227b-4e31-a9cf-717495945fc2";
    static final String MOBILE = "0c1307d4-29d6-4389-a11c-5cbe7f65d7fa";
    static final String ALICE = "aaaaaaaa-0000-4000-8000-000000000001";
    static final String BOB = "bbbbbbbb-0000-4000-8000-000000000002";
    static final String SIGN_INS = "/beta/auditLogs/signIns";

    private final List<StubMapping> stubs = new ArrayList<>();

    @Inject
    EnforcementEscalations escalations;
    @Inject
    OutboxDispatcher dispatcher;

    @AfterEach
    void removeStubs() {
        stubs.forEach(LiveGraphResource.graph.server::removeStub);
    }

    @Test
    void aPremiumTenantIsReadWithOneFilteredPagedQueryOver30DaysAndListsWhoWouldBeBlocked() {
        skus(true);
        signInPages();
        registration();
        String tenantId = liveTenant();
        WireMockServer server = LiveGraphResource.graph.server;
        int before = signInRequests(server).size();

        JsonPath report = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId + "/enforcement-impact")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        List<LoggedRequest> sent = signInRequests(server).subList(before, signInRequests(server).size());
        // one filtered query and its second page; nothing per user
        assertThat(sent).hasSize(2);
        String filter = URLDecoder.decode(sent.get(0).queryParameter("$filter").firstValue(), StandardCharsets.UTF_8);
        assertThat(filter).contains("appId eq '" + PORTAL + "'")
                .contains("appId eq '" + CLI + "'")
                .contains("appId eq '" + POWERSHELL + "'")
                .contains("appId eq '" + MOBILE + "'")
                .contains("createdDateTime ge " + Instant.now()
                        .minus(30, ChronoUnit.DAYS)
                        .toString()
                        .substring(0,
                                10));
        assertThat(report.getInt("windowDays")).isEqualTo(30);
        assertThat(report.getBoolean("premiumLicence")).isTrue();
        assertThat(report.getBoolean("logsRead")).isTrue();
        // alice: two portal sign-ins without MFA, no MFA-capable method: would be blocked
        Map<String, Object> alice = report.getMap("users.find { it.userId == '" + ALICE + "' }");
        assertThat(alice.get("wouldBeBlocked")).isEqualTo(true);
        assertThat(alice.get("mfaCapable")).isEqualTo(false);
        assertThat(alice.get("signInsWithoutMfa")).isEqualTo(2);
        assertThat(report.getList("users.find { it.userId == '" + ALICE + "' }.applications.appId"))
                .containsExactlyInAnyOrder(PORTAL, CLI);
        assertThat(report.getInt("users.find { it.userId == '" + ALICE + "' }.applications.find { it.appId == '"
                + PORTAL + "' }.signInsWithoutMfa")).isEqualTo(2);
        assertThat(report.getString("users.find { it.userId == '" + ALICE + "' }.lastSignIn"))
                .isEqualTo(ago(1));
        // bob: a single-factor sign-in to the mobile app, but MFA-capable: not blocked
        Map<String, Object> bob = report.getMap("users.find { it.userId == '" + BOB + "' }");
        assertThat(bob.get("wouldBeBlocked")).isEqualTo(false);
        assertThat(bob.get("mfaCapable")).isEqualTo(true);
        assertThat(report.getList("users.find { it.userId == '" + BOB + "' }.applications.appId"))
                .containsExactlyInAnyOrder(POWERSHELL, MOBILE);
        // the workload identity is listed, not affected, and not a user
        assertThat(report.getList("users")).hasSize(2);
        assertThat(report.getString("workloadIdentities[0].servicePrincipalId")).isEqualTo("sp-deploy");
        assertThat(report.getBoolean("workloadIdentities[0].affected")).isFalse();

        String csv = ApiKeys.as(Roles.AUDITOR)
                .accept("text/csv")
                .get("/api/v1/tenants/" + tenantId + "/enforcement-impact")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.split("\r\n")).hasSize(1 + 4 + 1);
        assertThat(csv).contains(tenantId + ",30,").contains("alice@contoso.com").contains("workload-identity");
    }

    /**
     * Issue 11, "Done when", as one scenario: a tenant whose phase 2 starts in 10 days with one ready emergency account
     * fails BG-T05 with the date, its escalation contacts get one e-mail, and the impact report lists who would be
     * blocked.
     */
    @Test
    void phaseTwoInTenDaysWithOneReadyAccountFailsBgT05MailsTheContactsOnceAndListsWhoWouldBeBlocked() {
        skus(true);
        signInPages();
        registration();
        LocalDate phase2 = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        String tenantId = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Phase two " + tenantId, "directory", "graph",
                        "settings", Map.of("escalationContacts", List.of("soc@contoso.example"), "mfaEnforcement",
                                Map.of("phase2", phase2.toString()))))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("objectId", TenantFixture.USER, "custodians", List.of(Map.of("name", "Ada", "email",
                        "ada@contoso.com"))))
                .post("/api/v1/tenants/" + tenantId + "/accounts")
                .then()
                .statusCode(201);
        GraphTenantEvaluationTest.evaluate(tenantId, "COMPLETED");

        // BG-T05 fails with the date: one account can satisfy mandatory MFA, two are needed
        JsonPath readiness = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId + "/readiness")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> t05 = readiness.getMap("tenant.findings.find { it.ruleId == 'BG-T05' }");
        assertThat(t05.get("result")).isEqualTo("FAIL");
        assertThat((String) t05.get("message")).contains(phase2.toString()).contains("in 10 days").contains("only 1");
        assertThat(
                readiness.getInt("tenant.findings.find { it.ruleId == 'BG-T05' }.evidence.mandatoryMfaReadyAccounts"))
                .isEqualTo(1);

        // the escalation contacts get one e-mail, and a second sweep the same day sends nothing
        escalations.sweep();
        escalations.sweep();
        while (dispatcher.dispatchDue() > 0) {
            // drain the outbox
        }
        assertThat(Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> subjectOf(m).contains(tenantId))
                .map(m -> recipientOf(m) + " " + subjectOf(m))
                .toList()).containsExactly("soc@contoso.example Mandatory MFA in 10 day(s) and emergency accounts not"
                        + " ready: Phase two " + tenantId);

        // the impact report lists the user who would be blocked, and not the one who is MFA-capable
        JsonPath report = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId + "/enforcement-impact")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(report.getList("users.findAll { it.wouldBeBlocked }.userPrincipalName"))
                .containsExactly("alice@contoso.com");
        assertThat(report.getList("users.findAll { !it.wouldBeBlocked }.userId")).containsExactly(BOB);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipientOf(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTenantWithoutP1IsReadOverSevenDays() {
        skus(false);
        signInPages();
        registration();
        String tenantId = liveTenant();
        int before = signInRequests(LiveGraphResource.graph.server).size();

        JsonPath report = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId + "/enforcement-impact?days=30")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(report.getInt("windowDays")).isEqualTo(7);
        assertThat(report.getBoolean("premiumLicence")).isFalse();
        String filter = URLDecoder.decode(signInRequests(LiveGraphResource.graph.server).get(before)
                .queryParameter("$filter")
                .firstValue(), StandardCharsets.UTF_8);
        assertThat(filter).contains("createdDateTime ge " + Instant.now()
                .minus(7, ChronoUnit.DAYS)
                .toString()
                .substring(0, 10));
    }

    @Test
    void logsThatCannotBeReadSayWhichLicenceOrPermissionIsMissing() {
        skus(false);
        stubs.add(LiveGraphResource.graph.server.stubFor(get(urlPathEqualTo(SIGN_INS)).atPriority(1)
                .willReturn(TenantFixture.error(403, GraphErrorClassifier.NON_PREMIUM))));
        String tenantId = liveTenant();

        JsonPath report = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId + "/enforcement-impact")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(report.getBoolean("logsRead")).isFalse();
        assertThat(report.getString("missing.licence")).isEqualTo("Microsoft Entra ID P1");
        assertThat(report.getList("users")).isEmpty();

        removeStubs();
        stubs.clear();
        skus(true);
        stubs.add(LiveGraphResource.graph.server.stubFor(get(urlPathEqualTo(SIGN_INS)).atPriority(1)
                .willReturn(TenantFixture.error(403, "Authorization_RequestDenied"))));
        JsonPath denied = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId + "/enforcement-impact")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(denied.getString("missing.permission")).isEqualTo("AuditLog.Read.All");
        String csv = ApiKeys.as(Roles.AUDITOR)
                .accept("text/csv")
                .get("/api/v1/tenants/" + tenantId + "/enforcement-impact")
                .asString();
        assertThat(csv).contains("logs-unreadable").contains("AuditLog.Read.All");
    }

    @Test
    void badDaysAndUnknownTenants() {
        String tenantId = liveTenant();
        for (String days : List.of("0", "31", "x")) {
            ApiKeys.as(Roles.AUDITOR)
                    .get("/api/v1/tenants/" + tenantId + "/enforcement-impact?days=" + days)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + UUID.randomUUID() + "/enforcement-impact")
                .then()
                .statusCode(404);
        ApiKeys.as(Roles.AUDITOR).get("/api/v1/enforcement-impact?days=99").then().statusCode(400);
    }

    private void skus(boolean premium) {
        String plans = premium
                ? "[{\"servicePlanName\":\"AAD_PREMIUM\",\"provisioningStatus\":\"Success\"}]"
                : "[{\"servicePlanName\":\"EXCHANGE_S_STANDARD\",\"provisioningStatus\":\"Success\"}]";
        stubs.add(LiveGraphResource.graph.server.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).atPriority(1)
                .willReturn(TenantFixture.json("{\"value\":[{\"skuPartNumber\":\"X\",\"servicePlans\":" + plans
                        + "}]}"))));
    }

    private void signInPages() {
        WireMockServer server = LiveGraphResource.graph.server;
        String next = "http://localhost:" + server.port() + SIGN_INS + "?$skiptoken=page2";
        stubs.add(server.stubFor(get(urlPathEqualTo(SIGN_INS)).withQueryParam("$skiptoken", absent())
                .atPriority(1)
                .willReturn(TenantFixture.json("{\"@odata.nextLink\":\"" + next + "\",\"value\":["
                        + signIn("s1", ALICE, "alice@contoso.com", PORTAL, "Azure Portal", "singleFactorAuthentication",
                                1, "interactiveUser")
                        + "," + signIn("s2", ALICE, "alice@contoso.com", PORTAL, "Azure Portal",
                                "singleFactorAuthentication", 2, "interactiveUser")
                        + "," + signIn("s3", ALICE, "alice@contoso.com", CLI, "Microsoft Azure CLI",
                                "multiFactorAuthentication", 3, "interactiveUser")
                        + "]}"))));
        stubs.add(server.stubFor(get(urlPathEqualTo(SIGN_INS)).withQueryParam("$skiptoken", matching("page2"))
                .atPriority(1)
                .willReturn(TenantFixture.json("{\"value\":["
                        + signIn("s4", BOB, "bob@contoso.com", POWERSHELL, "Microsoft Azure PowerShell",
                                "multiFactorAuthentication", 4, "interactiveUser")
                        + "," + signIn("s5", BOB, "bob@contoso.com", MOBILE, "Azure Mobile App",
                                "singleFactorAuthentication", 5, "interactiveUser")
                        + ",{\"id\":\"s6\",\"createdDateTime\":\"" + ago(2) + "\",\"userId\":null,\"appId\":\"" + CLI
                        + "\",\"servicePrincipalId\":\"sp-deploy\",\"servicePrincipalName\":\"deploy pipeline\","
                        + "\"authenticationRequirement\":\"singleFactorAuthentication\","
                        + "\"signInEventTypes\":[\"servicePrincipal\"],\"status\":{\"errorCode\":0}}"
                        + "]}"))));
    }

    private void registration() {
        stubs.add(LiveGraphResource.graph.server.stubFor(get(urlPathMatching(
                "/v1.0/reports/authenticationMethods/userRegistrationDetails")).atPriority(1)
                .willReturn(TenantFixture.json("{\"value\":[{\"id\":\"" + ALICE + "\",\"isMfaCapable\":false},"
                        + "{\"id\":\"" + BOB + "\",\"isMfaCapable\":true}]}"))));
    }

    private static String signIn(String id, String userId, String upn, String appId, String app, String requirement,
            int daysAgo, String type) {
        return "{\"id\":\"" + id + "\",\"createdDateTime\":\"" + ago(daysAgo) + "\",\"userId\":\"" + userId
                + "\",\"userPrincipalName\":\"" + upn + "\",\"userDisplayName\":\"" + upn + "\",\"appId\":\"" + appId
                + "\",\"appDisplayName\":\"" + app + "\",\"authenticationRequirement\":\"" + requirement
                + "\",\"signInEventTypes\":[\"" + type + "\"],\"isInteractive\":true,\"status\":{\"errorCode\":0}}";
    }

    private static String ago(int days) {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).minus(days, ChronoUnit.DAYS).toString();
    }

    private static List<LoggedRequest> signInRequests(WireMockServer server) {
        return server.findAll(getRequestedFor(urlPathEqualTo(SIGN_INS)));
    }

    private static String liveTenant() {
        String tenantId = UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Impact", "directory", "graph"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        return tenantId;
    }
}
