package io.glasswarden.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.glasswarden.directory.graph.GraphTenantEvaluationTest.evaluate;
import static io.glasswarden.directory.graph.GraphTenantEvaluationTest.newLiveTenantWithAccount;
import static io.glasswarden.directory.graph.GraphTenantEvaluationTest.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Live tenants whose Graph answers differ from the happy path (rules.md "Real-tenant behaviours"), evaluated through
 * the REST API: verdicts, reasons, data gaps, and never more Graph requests than a full-access evaluation.
 */
@QuarkusTest
@TestProfile(GraphTenantEvaluationTest.LiveGraphProfile.class)
class RealTenantEvaluationTest {

    private static final String PRA_ONLY = """
            {"id":"p-roles","displayName":"MFA for privileged role administrators","state":"enabled",
             "conditions":{"clientAppTypes":["all"],"applications":{"includeApplications":["All"]},
               "users":{"includeUsers":[],"excludeUsers":[],"includeGroups":[],"excludeGroups":[],
                 "includeRoles":["%s"],"excludeRoles":[]}},
             "grantControls":{"operator":"OR","builtInControls":["mfa"],"customAuthenticationFactors":[],
               "termsOfUse":[],"authenticationStrength":null}}
            """.formatted(TenantFixture.PRA);
    private static final String PRA_EXCLUDING_GROUP = PRA_ONLY.replace("p-roles", "p-roles-excluded")
            .replace("\"excludeGroups\":[]", "\"excludeGroups\":[\"" + TenantFixture.ROLE_GROUP + "\"]");

    private final List<com.github.tomakehurst.wiremock.stubbing.StubMapping> overrides = new ArrayList<>();

    @AfterEach
    void removeOverrides() {
        overrides.forEach(graph()::removeStub);
        overrides.clear();
    }

    @Test
    void withoutGroupMemberReadAllARolePolicyIsUnknownNeverPassed() {
        String tenantId = newLiveTenantWithAccount();
        override(get(urlPathEqualTo("/v1.0/identity/conditionalAccess/policies")), "{\"value\":[" + PRA_ONLY + ","
                + PRA_EXCLUDING_GROUP + "]}");
        JsonPath full = results(evaluate(tenantId, "COMPLETED"));
        // with full access the account holds Privileged Role Administrator through its role-assignable group
        assertThat(result(full, "BG-020")).isEqualTo("FAIL");
        int fullRequests = requests;

        override(get(urlPathMatching(TenantFixture.GROUPS)), GraphRealTenantTest.LIMITED_GROUPS);
        JsonPath limited = results(evaluate(tenantId, "COMPLETED"));

        assertThat(result(limited, "BG-020")).isEqualTo("UNKNOWN");
        assertThat(finding(limited, "BG-020").getString("reason")).isEqualTo("permission-denied");
        assertThat(finding(limited, "BG-020").getString("evidence.undeterminedPolicies[0].id")).isEqualTo("p-roles");
        // the group exclusion settles the other policy; the direct permanent assignment settles BG-030
        assertThat(finding(limited, "BG-020").getList("evidence.undeterminedPolicies")).hasSize(1);
        assertThat(result(limited, "BG-030")).isEqualTo("PASS");
        // the policy asks for MFA, which the account's key satisfies: it cannot lock the account out either way
        assertThat(result(limited, "BG-022")).isEqualTo("PASS");
        assertThat(limited.getList("tenant.dataGaps", Map.class)).anySatisfy(gap -> {
            assertThat(gap.get("permission")).isEqualTo("GroupMember.Read.All");
            assertThat(gap.get("data")).isEqualTo("roles held through groups");
            assertThat(String.valueOf(gap.get("rules"))).contains("BG-020");
        });
        assertThat(requests).isLessThanOrEqualTo(fullRequests);
    }

    @Test
    void aTenantWithP1ButNoP2CountsTheDirectAssignmentAsPermanentAndNamesP2() {
        String tenantId = newLiveTenantWithAccount();
        results(evaluate(tenantId, "COMPLETED"));
        int fullRequests = requests;
        for (String kind : List.of("Assignment", "Eligibility")) {
            overrides.add(graph().stubFor(get(urlPathEqualTo("/v1.0/roleManagement/directory/role" + kind
                    + "ScheduleInstances")).atPriority(1).willReturn(TenantFixture.pimWithoutP2())));
        }
        long stepsBefore = LiveGraphResource.graph.stepsTo("ScheduleInstances").size();

        JsonPath results = results(evaluate(tenantId, "COMPLETED"));

        assertThat(result(results, "BG-030")).isEqualTo("PASS");
        JsonPath bg030 = finding(results, "BG-030");
        assertThat(bg030.getString("reason")).isNull();
        assertThat(bg030.getString("evidence.scheduleData")).contains("license-required", "Microsoft Entra ID P2",
                "counted as permanent");
        assertThat(results.getList("tenant.dataGaps", Map.class)).anySatisfy(gap -> {
            assertThat(gap.get("licence")).isEqualTo("Microsoft Entra ID P2");
            assertThat(gap.get("data")).isEqualTo("active role schedules (PIM)");
        });
        // a licence answer is final: the two schedule reads are not repeated one principal at a time
        assertThat(LiveGraphResource.graph.stepsTo("ScheduleInstances").size() - stepsBefore).isEqualTo(2);
        assertThat(requests).isLessThanOrEqualTo(fullRequests);
    }

    @Test
    void anAccountKnownOnlyByUpnIsJudgedOnItsSignInActivity() {
        String byId = newLiveTenantWithAccount();
        results(evaluate(byId, "COMPLETED"));
        int byIdRequests = requests;
        String tenantId = newLiveTenant();
        addAccount(tenantId, Map.of("userPrincipalName", "bg-upn@contoso.onmicrosoft.com"));
        override(get(urlPathMatching("/v1.0/users/bg-upn(%40|@)contoso.onmicrosoft.com"))
                .withQueryParam("$select", notContaining("signInActivity")), """
                        {"id":"%s","userPrincipalName":"bg-upn@contoso.onmicrosoft.com","accountEnabled":true,
                         "onPremisesSyncEnabled":null,"userType":"Member","authorizationInfo":{"certificateUserIds":[]}}
                        """.formatted(TenantFixture.USER));

        JsonPath results = results(evaluate(tenantId, "COMPLETED"));

        // read by object id: the last successful sign-in (May 2025) is older than the 90-day drill interval
        assertThat(result(results, "BG-040")).isEqualTo("FAIL");
        assertThat(finding(results, "BG-040").getString("evidence.lastSuccessfulSignIn"))
                .startsWith("2025-05-02T08:05:40");
        assertThat(requests).isLessThanOrEqualTo(byIdRequests);
    }

    @Test
    void aDrillOlderThanTheLogRetentionIsUnverifiableAndBg041NotFailed() {
        String tenantId = newLiveTenantWithAccount();
        String accountId = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId + "/accounts")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        // a past drill recorded at onboarding, 60 days ago: the logs hold 30 days
        String drillId = ApiKeys.as(Roles.OPERATOR)
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("performedAt", java.time.Instant.now().minus(java.time.Duration.ofDays(60)).toString(),
                        "performedBy", "ada@contoso.com", "outcome", "SUCCEEDED"))
                .post("/api/v1/tenants/" + tenantId + "/accounts/" + accountId + "/drills")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        JsonPath results = results(evaluate(tenantId, "COMPLETED"));

        JsonPath drill = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenantId + "/accounts/" + accountId + "/drills/" + drillId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(drill.getString("verification")).isEqualTo("UNVERIFIABLE");
        assertThat(drill.getString("verificationReason")).isEqualTo("logs-expired");
        assertThat(result(results, "BG-041")).isEqualTo("PASS");
        assertThat(finding(results, "BG-041").getString("evidence.drill.verificationReason"))
                .isEqualTo("logs-expired");
        JsonPath bg042 = finding(results, "BG-042");
        java.time.Instant checkedFrom = java.time.Instant.parse(bg042.getString("evidence.checkedFrom"));
        assertThat(checkedFrom).isAfter(java.time.Instant.now().minus(java.time.Duration.ofDays(30)));
        assertThat(bg042.getInt("evidence.logRetentionDays")).isEqualTo(30);
        // the start date sent to Graph lies inside the retention (an older one is refused)
        assertThat(LiveGraphResource.graph.stepsTo("/auditLogs/signIns")).isNotEmpty()
                .allSatisfy(step -> assertThat(java.net.URLDecoder.decode(step.url(),
                        java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(
                                java.time.Instant.now()
                                        .minus(java.time.Duration.ofDays(90))
                                        .toString()
                                        .substring(0,
                                                10)));
    }

    @Test
    void aChinaCloudTenantIsUnknownWhereGraphOffersNoAuthenticationMethodsApi() {
        String global = newLiveTenantWithAccount();
        results(evaluate(global, "COMPLETED"));
        int globalRequests = requests;
        String tenantId = java.util.UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Contoso China", "directory", "graph", "cloud",
                        "china"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        addAccount(tenantId, Map.of("objectId", TenantFixture.USER));
        long methodSteps = LiveGraphResource.graph.stepsTo("/authentication/methods").size()
                + LiveGraphResource.graph.stepsTo("/authenticationMethodsPolicy").size();

        JsonPath results = results(evaluate(tenantId, "COMPLETED"));

        assertThat(result(results, "BG-010")).isEqualTo("UNKNOWN");
        assertThat(finding(results, "BG-010").getString("reason")).isEqualTo("not-available-in-cloud");
        assertThat(finding(results, "BG-061").getString("reason")).isEqualTo("not-available-in-cloud");
        assertThat(result(results, "BG-001")).isEqualTo("PASS");
        assertThat(results.getList("tenant.dataGaps.data", String.class))
                .anySatisfy(data -> assertThat(data).contains("not offered by Microsoft Graph in the china cloud"));
        assertThat(LiveGraphResource.graph.stepsTo("/authentication/methods").size()
                + LiveGraphResource.graph.stepsTo("/authenticationMethodsPolicy").size()).isEqualTo(methodSteps);
        assertThat(requests).isLessThanOrEqualTo(globalRequests);
    }

    @Test
    void aPendingTemporaryAccessPassFailsBg061() {
        String tenantId = newLiveTenantWithAccount();
        override(get(urlPathMatching("/v1.0/users/[^/]+/authentication/methods")), GraphRealTenantTest.PENDING_TAP);

        JsonPath results = results(evaluate(tenantId, "COMPLETED"));

        assertThat(result(results, "BG-061")).isEqualTo("FAIL");
        assertThat(finding(results, "BG-061").getString("message")).contains("becomes usable at 2099-01-01T08:00:00Z");
    }

    @Test
    void keysWithoutPasskeyTypeAreJudgedByTheirAaguid() {
        String tenantId = newLiveTenantWithAccount();
        override(get(urlPathMatching("/v1.0/users/[^/]+/authentication/methods")),
                GraphRealTenantTest.KEYS_WITHOUT_PASSKEY_TYPE);

        JsonPath results = results(evaluate(tenantId, "COMPLETED"));

        // the Google Password Manager passkey is synced: BG-015 fails on it, the YubiKey is hardware-bound
        JsonPath bg015 = finding(results, "BG-015");
        assertThat(bg015.getString("result")).isEqualTo("FAIL");
        assertThat(bg015.getString("reason")).isNull();
        assertThat(bg015.getList("evidence.notHardwareBound.id")).containsExactly("key-gpm");
        assertThat(bg015.getString("evidence.notHardwareBound[0].why"))
                .isEqualTo("passkey of Google Password Manager, a synced-passkey provider");
        assertThat(bg015.getList("evidence.hardwareBound.id")).containsExactly("key-hw");
        assertThat(bg015.getString("evidence.hardwareBound[0].why")).contains("hardware key model YubiKey 5 Series");
        assertThat(bg015.getList("evidence.undetermined.id")).containsExactly("key-mac");
        // usable: the YubiKey only; the synced passkey is not, the Mac passkey cannot be told
        JsonPath bg010 = finding(results, "BG-010");
        assertThat(bg010.getString("result")).isEqualTo("PASS");
        assertThat(bg010.getInt("evidence.usableCredentials")).isEqualTo(1);
        assertThat(bg010.getString("evidence.credentials.find { it.id == 'key-gpm' }.usable")).isEqualTo("no");
        assertThat(bg010.getString("evidence.credentials.find { it.id == 'key-mac' }.usable")).isEqualTo("unknown");
        JsonPath bg011 = finding(results, "BG-011");
        assertThat(bg011.getString("result")).isEqualTo("UNKNOWN");
        assertThat(bg011.getString("reason")).isEqualTo("not-reported");
        assertThat(results.getList("tenant.dataGaps", Map.class)).anySatisfy(gap -> {
            assertThat(gap.get("data")).isEqualTo("passkey type of FIDO2 key 'Mac passkey' (key-mac)");
            assertThat(String.valueOf(gap.get("rules"))).contains("BG-011").doesNotContain("BG-015");
        });

        // without the synced passkey nothing settles BG-015: it is unknown, with the Mac passkey as its data gap
        overrides.forEach(graph()::removeStub);
        overrides.clear();
        override(get(urlPathMatching("/v1.0/users/[^/]+/authentication/methods")),
                GraphRealTenantTest.KEYS_WITHOUT_PASSKEY_TYPE.replaceAll(
                        "(?s),\\s*\\{[^{}]*\"id\":\"key-gpm\"[^{}]*\\}", ""));

        JsonPath unknown = results(evaluate(tenantId, "COMPLETED"));

        JsonPath undecided = finding(unknown, "BG-015");
        assertThat(undecided.getString("result")).isEqualTo("UNKNOWN");
        assertThat(undecided.getString("reason")).isEqualTo("not-reported");
        assertThat(undecided.getString("message")).contains("did not report their passkey type");
        assertThat(undecided.getString("evidence.unreadable.data"))
                .isEqualTo("passkey type of FIDO2 key 'Mac passkey' (key-mac)");
        assertThat(undecided.getList("evidence.hardwareBound.id")).containsExactly("key-hw");
        assertThat(unknown.getList("tenant.dataGaps", Map.class)).anySatisfy(gap -> assertThat(
                String.valueOf(gap.get("rules"))).contains("BG-015", "BG-011"));
    }

    @Test
    void certificateAffinityAndStrengthIssuersDecideWhetherCbaCounts() {
        String tenantId = newLiveTenantWithAccount();
        // a CBA-only account: certificateUserIds name the issuer, no FIDO2 key, in no group the X.509 policy excludes
        override(get(urlPathMatching("/v1.0/users/[^/]+")).withQueryParam("$select", notContaining("signInActivity")),
                """
                        {"id":"%s","userPrincipalName":"bg-01@contoso.onmicrosoft.com","accountEnabled":true,
                         "onPremisesSyncEnabled":null,"userType":"Member","authorizationInfo":{"certificateUserIds":[
                           "X509:<I>CN=Contoso Root<S>CN=bg-01"]}}
                        """.formatted(TenantFixture.USER));
        override(get(urlPathMatching("/v1.0/users/[^/]+/authentication/methods")), "{\"value\":[]}");
        override(get(urlPathMatching(TenantFixture.GROUPS)), "{\"value\":[]}");
        override(get(urlPathEqualTo("/v1.0/policies/authenticationMethodsPolicy")), x509Policy("high"));

        JsonPath high = results(evaluate(tenantId, "COMPLETED"));

        // the only binding is low affinity and high is required: CBA would not let the account in
        JsonPath bg018 = finding(high, "BG-018");
        assertThat(bg018.getString("result")).isEqualTo("FAIL");
        assertThat(bg018.getString("message")).contains("required high affinity");
        assertThat(bg018.getList("evidence.requiredAffinity")).containsExactly("high");
        assertThat(result(high, "BG-010")).isEqualTo("FAIL");

        removeOverride("/v1.0/policies/authenticationMethodsPolicy");
        override(get(urlPathEqualTo("/v1.0/policies/authenticationMethodsPolicy")), x509Policy("low"));
        override(get(urlPathEqualTo("/v1.0/identity/conditionalAccess/policies")), STRENGTH_POLICY);
        override(get(urlPathEqualTo("/v1.0/policies/authenticationStrengthPolicies")), pkiStrength("[\"A1B2C3\"]",
                "[]"));

        JsonPath admitted = results(evaluate(tenantId, "COMPLETED"));

        assertThat(result(admitted, "BG-018")).isEqualTo("PASS");
        assertThat(finding(admitted, "BG-018").getString("evidence.certificateIssuer.subjectKeyIdentifier"))
                .isEqualTo("A1B2C3");
        // the strength admits the issuer (SKI of the trusted CA named in certificateUserIds)
        assertThat(result(admitted, "BG-022")).isEqualTo("PASS");

        removeOverride("/v1.0/policies/authenticationStrengthPolicies");
        override(get(urlPathEqualTo("/v1.0/policies/authenticationStrengthPolicies")), pkiStrength("[]",
                "[\"1.3.6.1.4.1.311.21.8.1.402\"]"));

        JsonPath oids = results(evaluate(tenantId, "COMPLETED"));

        JsonPath bg022 = finding(oids, "BG-022");
        assertThat(bg022.getString("result")).isEqualTo("UNKNOWN");
        assertThat(bg022.getString("reason")).isEqualTo("not-reported");
        assertThat(bg022.getString("evidence.undeterminedPolicies[0].why")).contains("policy OIDs");
        assertThat(oids.getList("tenant.dataGaps", Map.class)).anySatisfy(gap -> {
            assertThat(gap.get("data")).isEqualTo("the issuer and policy OIDs of the account's certificate");
            assertThat(String.valueOf(gap.get("rules"))).contains("BG-022");
        });
    }

    private static final String STRENGTH_POLICY = """
            {"value":[{"id":"p-pki","displayName":"Admins use PKI smart cards","state":"enabled",
             "conditions":{"clientAppTypes":["all"],"applications":{"includeApplications":["All"]},
               "users":{"includeUsers":["All"],"excludeUsers":[],"includeGroups":[],"excludeGroups":[],
                 "includeRoles":[],"excludeRoles":[]}},
             "grantControls":{"operator":"OR","builtInControls":[],"customAuthenticationFactors":[],
               "termsOfUse":[],"authenticationStrength":{"id":"s-pki"}}}]}
            """;

    /** The X.509 configuration with one low-affinity binding and the given default required affinity. */
    private static String x509Policy(String requiredAffinity) {
        return """
                {"id":"authenticationMethodsPolicy","authenticationMethodConfigurations":[
                  {"@odata.type":"#microsoft.graph.x509CertificateAuthenticationMethodConfiguration",
                   "id":"X509Certificate","state":"enabled",
                   "certificateUserBindings":[{"x509CertificateField":"IssuerAndSubject",
                     "userProperty":"certificateUserIds","priority":1,"trustAffinityLevel":"low"}],
                   "authenticationModeConfiguration":{
                     "x509CertificateAuthenticationDefaultMode":"x509CertificateMultiFactor",
                     "x509CertificateDefaultRequiredAffinityLevel":"%s","rules":[]},
                   "includeTargets":[{"targetType":"group","id":"all_users","isRegistrationRequired":false}],
                   "excludeTargets":[]}]}
                """.formatted(requiredAffinity);
    }

    private static String pkiStrength(String issuerSkis, String policyOids) {
        return """
                {"value":[{"id":"s-pki","displayName":"PKI smart cards","policyType":"custom",
                  "allowedCombinations":["x509CertificateMultiFactor"],
                  "combinationConfigurations":[{"@odata.type":"#microsoft.graph.x509CertificateCombinationConfiguration",
                    "id":"cc-x509","appliesToCombinations":["x509CertificateMultiFactor"],
                    "allowedIssuerSkis":%s,"allowedPolicyOIDs":%s}]}]}
                """
                .formatted(issuerSkis, policyOids);
    }

    private void removeOverride(String path) {
        overrides.removeIf(stub -> {
            boolean match = stub.getRequest().getUrlPath() != null && stub.getRequest().getUrlPath().equals(path);
            if (match) {
                graph().removeStub(stub);
            }
            return match;
        });
    }

    private int requests;

    private JsonPath results(JsonPath evaluation) {
        requests = evaluation.getInt("graphRequests");
        return ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/evaluations/" + evaluation.getString("id") + "/results")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String newLiveTenant() {
        String tenantId = java.util.UUID.randomUUID().toString();
        ApiKeys.as(Roles.OPERATOR)
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("tenantId", tenantId, "displayName", "Live", "directory", "graph"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        return tenantId;
    }

    private static void addAccount(String tenantId, Map<String, Object> account) {
        ApiKeys.as(Roles.OPERATOR)
                .contentType(io.restassured.http.ContentType.JSON)
                .body(account)
                .post("/api/v1/tenants/" + tenantId + "/accounts")
                .then()
                .statusCode(201);
    }

    private static JsonPath finding(JsonPath results, String ruleId) {
        return new JsonPath(results.prettify()).setRootPath("accounts[0].findings.find { it.ruleId == '" + ruleId
                + "' }");
    }

    private void override(MappingBuilder request, String json) {
        overrides.add(graph().stubFor(request.atPriority(1).willReturn(TenantFixture.json(json))));
    }

    private static WireMockServer graph() {
        return LiveGraphResource.graph.server;
    }
}
