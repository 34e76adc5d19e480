package io.glasswarden.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** A healthy tenant as Graph would show it (shapes from graph-reference.md); tests override single endpoints. */
final class TenantFixture {

    static final String TENANT = "11111111-2222-4333-8444-555555555555";
    static final String USER = "4a1b2c3d-1111-4aaa-9bbb-0123456789ab";
    static final String ROLE_GROUP = "f217541c-b1c0-4247-99d6-c4f06c2492ac";
    static final String PLAIN_GROUP = "0b0b0b0b-0000-4000-8000-000000000001";
    static final String GA = "62e90394-69f5-4237-9190-012177145e10";
    static final String PRA = "e8611ab8-c189-46e8-94e1-60213ab1f814";
    static final String GROUPS = "/v1.0/users/[^/]+/transitiveMemberOf/microsoft.graph.group";
    static final String PKIS = "/v1.0/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations";

    private TenantFixture() {
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder error(int status, String code) {
        return error(status, code, "fake " + code);
    }

    /** Graph's error body (learn.microsoft.com/graph/errors): code, message, innerError with date and request id. */
    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\","
                        + "\"innerError\":{\"date\":\"2026-01-15T10:00:00\",\"request-id\":\"r\","
                        + "\"client-request-id\":\"c\"}}}");
    }

    /**
     * A throttled answer as Graph gives it (learn.microsoft.com/graph/throttling, "Sample response"): 429, body code
     * TooManyRequests with an innerError, and a {@code Retry-After} in seconds unless {@code retryAfter} is null
     * (Conditional Access throttles without one: learn.microsoft.com/graph/throttling-limits, "Identity protection and
     * conditional access service limits").
     */
    static ResponseDefinitionBuilder throttled(Integer retryAfter) {
        ResponseDefinitionBuilder answer = aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"innerError\":{\"code\":\"429\","
                        + "\"date\":\"2026-12-04T10:00:00\",\"message\":\"Please retry after\",\"request-id\":\"r\","
                        + "\"status\":\"429\"},\"message\":\"Please retry again later.\"}}");
        return retryAfter == null ? answer : answer.withHeader("Retry-After", retryAfter.toString());
    }

    /**
     * PIM schedule reads in a tenant without Entra ID P2: HTTP 400, not 403 (field reports: Microsoft365DSC and
     * Maester handle {@code AadPremiumLicenseRequired} on these endpoints; message as seen in public tool code).
     */
    static ResponseDefinitionBuilder pimWithoutP2() {
        return error(400, "AadPremiumLicenseRequired",
                "The tenant needs to have Microsoft Entra ID P2 or Microsoft Entra ID Governance license.");
    }

    static void stub(WireMockServer graph) {
        graph.stubFor(get(urlPathMatching("/v1.0/users/[^/]+")).atPriority(5)
                .withQueryParam("$select", notContaining("signInActivity"))
                .willReturn(json("""
                        {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(id)/$entity",
                         "id":"{{request.pathSegments.[2]}}","userPrincipalName":"bg-01@contoso.onmicrosoft.com",
                         "displayName":"Emergency Access 01","accountEnabled":true,"onPremisesSyncEnabled":null,
                         "userType":"Member","createdDateTime":"2023-03-14T09:12:44Z",
                         "authorizationInfo":{"certificateUserIds":["X509:<PN>bg-01@contoso.onmicrosoft.com"]}}
                        """).withTransformers("response-template")));
        graph.stubFor(get(urlPathMatching("/v1.0/users/[^/]+")).atPriority(5)
                .withQueryParam("$select", containing("signInActivity"))
                .willReturn(json("""
                        {"id":"{{request.pathSegments.[2]}}","signInActivity":{
                          "lastSignInDateTime":"2025-05-02T08:01:17Z","lastSignInRequestId":"5b0f",
                          "lastNonInteractiveSignInDateTime":"2025-05-02T08:05:40Z",
                          "lastSuccessfulSignInDateTime":"2025-05-02T08:05:40.1234567Z"}}
                        """).withTransformers("response-template")));
        // by UPN, Graph refuses signInActivity (seen in field reports and Graph issue threads; rules.md
        // "Real-tenant behaviours"): only the object id is a valid key for it
        graph.stubFor(get(urlPathMatching("/v1.0/users/[^/]*(%40|@)[^/]*")).atPriority(4)
                .withQueryParam("$select", containing("signInActivity"))
                .willReturn(error(400, "Request_BadRequest",
                        "Get By Key only supports UserId and the key has to be a valid Guid")));
        graph.stubFor(get(urlPathMatching("/v1.0/users/[^/]+/authentication/methods")).atPriority(5)
                .willReturn(
                        json("""
                                {"value":[
                                  {"@odata.type":"#microsoft.graph.passwordAuthenticationMethod",
                                   "id":"28c10230-6103-485e-b985-444c60001490","password":null,
                                   "createdDateTime":"2023-03-14T09:12:44Z"},
                                  {"@odata.type":"#microsoft.graph.fido2AuthenticationMethod","id":"-2_GRUg2-HYz6_1YG4YRAQ2",
                                   "displayName":"BG-01 YubiKey A","createdDateTime":"2024-02-10T06:44:09Z",
                                   "aaGuid":"CB69481E-8FF7-4039-93EC-0A2729A154A8","model":"YubiKey 5 Series",
                                   "attestationCertificates":["dbe7"],"attestationLevel":"attested","passkeyType":"deviceBound"},
                                  {"@odata.type":"#microsoft.graph.temporaryAccessPassAuthenticationMethod","id":"tap-1",
                                   "createdDateTime":"2024-02-10T06:44:09Z","isUsable":true,"lifetimeInMinutes":60},
                                  {"@odata.type":"#microsoft.graph.phoneAuthenticationMethod","id":"phone-1",
                                   "phoneNumber":"+1 5555550100","phoneType":"mobile","smsSignInState":"notAllowedByPolicy"}
                                ]}
                                """)));
        graph.stubFor(get(urlPathMatching(GROUPS)).atPriority(5)
                .withHeader("ConsistencyLevel", equalTo("eventual"))
                .withQueryParam("$count", equalTo("true"))
                .willReturn(json("""
                        {"@odata.count":2,"value":[
                          {"@odata.type":"#microsoft.graph.group","id":"%s","displayName":"sg-breakglass-roles",
                           "isAssignableToRole":true},
                          {"@odata.type":"#microsoft.graph.group","id":"%s","displayName":"sg-all-staff",
                           "isAssignableToRole":null}]}
                        """.formatted(ROLE_GROUP, PLAIN_GROUP))));
        // an OData cast is an advanced query: without ConsistencyLevel eventual and $count=true Graph may refuse it
        // (learn.microsoft.com/graph/aad-advanced-queries; user-list-transitivememberof)
        graph.stubFor(get(urlPathMatching(GROUPS)).atPriority(6)
                .willReturn(error(400, "Request_UnsupportedQuery")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/roleManagement/directory/roleAssignments")).atPriority(5)
                .willReturn(json("""
                        {"value":[
                          {"id":"a1","principalId":"%s","directoryScopeId":"/","roleDefinitionId":"%s"},
                          {"id":"a2","principalId":"%s","directoryScopeId":"/","roleDefinitionId":"%s"},
                          {"id":"a3","principalId":"99999999-0000-4000-8000-000000000000","directoryScopeId":"/",
                           "roleDefinitionId":"%s"}]}
                        """.formatted(USER, GA, ROLE_GROUP, PRA, GA))));
        graph.stubFor(get(urlPathEqualTo("/v1.0/roleManagement/directory/roleAssignmentScheduleInstances"))
                .atPriority(5)
                .willReturn(json("""
                        {"value":[{"id":"i1","principalId":"%s","roleDefinitionId":"%s","directoryScopeId":"/",
                          "memberType":"Direct","assignmentType":"Assigned","startDateTime":"2024-01-01T00:00:00Z",
                          "endDateTime":null}]}
                        """.formatted(USER, GA))));
        graph.stubFor(get(urlPathEqualTo("/v1.0/roleManagement/directory/roleEligibilityScheduleInstances"))
                .atPriority(5)
                .willReturn(json("{\"value\":[]}")));
        stubTenantWide(graph);
    }

    private static void stubTenantWide(WireMockServer graph) {
        graph.stubFor(get(urlPathEqualTo("/v1.0/policies/authenticationMethodsPolicy")).atPriority(5)
                .willReturn(
                        json("""
                                {"id":"authenticationMethodsPolicy","policyVersion":"1.5",
                                 "authenticationMethodConfigurations":[
                                  {"@odata.type":"#microsoft.graph.fido2AuthenticationMethodConfiguration","id":"Fido2",
                                   "state":"enabled","isSelfServiceRegistrationAllowed":true,"isAttestationEnforced":true,
                                   "keyRestrictions":{"isEnforced":true,"enforcementType":"allow",
                                     "aaGuids":["CB69481E-8FF7-4039-93EC-0A2729A154A8"]},
                                   "defaultPasskeyProfile":"00000000-0000-0000-0000-000000000001",
                                   "passkeyProfiles":[{"id":"00000000-0000-0000-0000-000000000001","name":"Default",
                                     "passkeyTypes":"deviceBound,synced","attestationEnforcement":"registrationOnly",
                                     "keyRestrictions":{"isEnforced":false,"enforcementType":"block","aaGuids":[]}}],
                                   "includeTargets":[{"targetType":"group","id":"all_users","isRegistrationRequired":false,
                                     "allowedPasskeyProfiles":["00000000-0000-0000-0000-000000000001"]}],
                                   "excludeTargets":[]},
                                  {"@odata.type":"#microsoft.graph.x509CertificateAuthenticationMethodConfiguration",
                                   "id":"X509Certificate","state":"enabled",
                                   "certificateUserBindings":[
                                     {"x509CertificateField":"PrincipalName","userProperty":"onPremisesUserPrincipalName","priority":1},
                                     {"x509CertificateField":"RFC822Name","userProperty":"userPrincipalName","priority":2,
                                      "trustAffinityLevel":"low"}],
                                   "authenticationModeConfiguration":{
                                     "x509CertificateAuthenticationDefaultMode":"x509CertificateSingleFactor",
                                     "rules":[{"x509CertificateRuleType":"issuerSubject","identifier":"CN=Contoso CA",
                                       "x509CertificateAuthenticationMode":"x509CertificateMultiFactor"}]},
                                   "includeTargets":[{"targetType":"group","id":"all_users","isRegistrationRequired":false}],
                                   "excludeTargets":[{"targetType":"group","id":"%s"}]}]}
                                """
                                .formatted(PLAIN_GROUP))));
        graph.stubFor(get(urlPathEqualTo("/v1.0/identity/conditionalAccess/policies")).atPriority(5)
                .willReturn(json(ConditionalAccessJson.PAGE)));
        graph.stubFor(get(urlPathEqualTo("/v1.0/policies/authenticationStrengthPolicies")).atPriority(5)
                .willReturn(json("""
                        {"value":[
                          {"id":"00000000-0000-0000-0000-000000000004","displayName":"Phishing resistant MFA",
                           "policyType":"builtIn","requirementsSatisfied":"mfa",
                           "allowedCombinations":["windowsHelloForBusiness","fido2","x509CertificateMultiFactor"],
                           "combinationConfigurations@odata.context":"x","combinationConfigurations":[]},
                          {"id":"c-1","displayName":"YubiKeys only","policyType":"custom",
                           "allowedCombinations":["fido2"],
                           "combinationConfigurations":[{"@odata.type":"#microsoft.graph.fido2CombinationConfiguration",
                             "id":"cc1","appliesToCombinations":["fido2"],
                             "allowedAAGUIDs":["CB69481E-8FF7-4039-93EC-0A2729A154A8"]}]}]}
                        """)));
        graph.stubFor(get(urlPathEqualTo("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy")).atPriority(5)
                .willReturn(json("""
                        {"id":"00000000-0000-0000-0000-000000000005","displayName":"Security Defaults",
                         "isEnabled":false}
                        """)));
        graph.stubFor(get(urlPathMatching("/v1.0/organization/[^/]+/certificateBasedAuthConfiguration"))
                .atPriority(5)
                .willReturn(json("""
                        {"value":[{"id":"29728ade-6ae4-4ee9-9103-412912537da5","certificateAuthorities":[
                          {"isRootAuthority":true,"certificate":null,"issuer":"CN=Contoso Root",
                           "issuerSki":"A1B2C3"}]}]}
                        """)));
        // no PKI-based trust store: the tenant uses the legacy one only
        graph.stubFor(get(urlPathEqualTo(PKIS)).atPriority(5).willReturn(json("{\"value\":[]}")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/auditLogs/signIns")).atPriority(5).willReturn(json("""
                {"value":[
                  {"id":"s2","createdDateTime":"2026-01-10T08:00:00Z","userId":"%s",
                   "userPrincipalName":"bg-01@contoso.onmicrosoft.com","appDisplayName":"Azure Portal",
                   "ipAddress":"203.0.113.10","isInteractive":true,
                   "status":{"errorCode":50126,"failureReason":"Invalid password"}},
                  {"id":"s1","createdDateTime":"2026-01-05T08:00:00Z","userId":"%s",
                   "userPrincipalName":"bg-01@contoso.onmicrosoft.com","appDisplayName":"Azure Portal",
                   "ipAddress":"203.0.113.10","isInteractive":true,
                   "status":{"errorCode":0,"failureReason":"Other.","additionalDetails":null}}]}
                """.formatted(USER, USER))));
    }
}
