package io.glasswarden.directory.graph;

/** Conditional Access policy pages as Graph returns them. */
final class ConditionalAccessJson {

    static final String POLICY = """
            {"id":"2b31ac51-b855-40a5-a986-0a4ed23e9008","templateId":null,
             "displayName":"CA001: Phishing-resistant MFA for admins","state":"enabled","sessionControls":null,
             "conditions":{"userRiskLevels":[],"signInRiskLevels":[],"clientAppTypes":["all"],"platforms":null,
               "locations":null,"devices":null,"clientApplications":null,
               "applications":{"includeApplications":["All"],"excludeApplications":[]},
               "users":{"includeUsers":[],"excludeUsers":[],"includeGroups":[],
                 "excludeGroups":["f217541c-b1c0-4247-99d6-c4f06c2492ac"],
                 "includeRoles":["62e90394-69f5-4237-9190-012177145e10"],"excludeRoles":[],
                 "includeGuestsOrExternalUsers":null,"excludeGuestsOrExternalUsers":null}},
             "grantControls":{"operator":"OR","builtInControls":[],"customAuthenticationFactors":[],"termsOfUse":[],
               "authenticationStrength@odata.context":"https://graph.microsoft.com/v1.0/$metadata#x",
               "authenticationStrength":{"id":"00000000-0000-0000-0000-000000000004",
                 "displayName":"Phishing resistant MFA","policyType":"builtIn",
                 "allowedCombinations":["windowsHelloForBusiness","fido2","x509CertificateMultiFactor"]}}}
            """;

    static final String BLOCK = """
            {"id":"7d2a0000-0000-4000-8000-000000000002","displayName":"CA002: Block legacy auth",
             "state":"enabledForReportingButNotEnforced","sessionControls":null,
             "conditions":{"clientAppTypes":["exchangeActiveSync","other"],
               "clientApplications":{"includeServicePrincipals":[],"excludeServicePrincipals":[]},
               "users":{"includeUsers":["All"],"excludeUsers":[],"includeGroups":[],"excludeGroups":[],
                 "includeRoles":[],"excludeRoles":[]}},
             "grantControls":{"operator":"OR","builtInControls":["block"],"customAuthenticationFactors":[],
               "termsOfUse":[],"authenticationStrength@odata.context":"x","authenticationStrength":null}}
            """;

    static final String PAGE = "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#identity/"
            + "conditionalAccess/policies\",\"value\":[" + POLICY + "," + BLOCK + "]}";

    private ConditionalAccessJson() {
    }
}
