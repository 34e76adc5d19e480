package io.glasswarden.directory.graph;

import static io.glasswarden.directory.graph.JsonFields.list;
import static io.glasswarden.directory.graph.JsonFields.lowerStrings;
import static io.glasswarden.directory.graph.JsonFields.strings;
import static io.glasswarden.directory.graph.JsonFields.text;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.directory.AuthenticationStrength;
import io.glasswarden.directory.ConditionalAccessPolicy;

/** Maps Conditional Access policies and authentication strength policies. */
final class ConditionalAccessMapper {
    private static final String X509_CONFIGURATION = "#microsoft.graph.x509CertificateCombinationConfiguration";

    private ConditionalAccessMapper() {
    }

    static ConditionalAccessPolicy policy(JsonNode p) {
        JsonNode users = p.path("conditions").path("users");
        JsonNode grant = p.get("grantControls");
        ConditionalAccessPolicy.GrantControls controls = null;
        if (grant != null && !grant.isNull()) {
            JsonNode strength = grant.get("authenticationStrength");
            controls = new ConditionalAccessPolicy.GrantControls(text(grant, "operator"),
                    strings(grant, "builtInControls"), strings(grant, "customAuthenticationFactors"),
                    strings(grant, "termsOfUse"), strength == null || strength.isNull() ? null : text(strength, "id"));
        }
        return new ConditionalAccessPolicy(text(p, "id"), text(p, "displayName"), text(p, "state"),
                strings(users, "includeUsers"), strings(users, "excludeUsers"), strings(users, "includeGroups"),
                strings(users, "excludeGroups"), strings(users, "includeRoles"), strings(users, "excludeRoles"),
                strings(p.path("conditions").path("clientApplications"), "includeServicePrincipals"), controls);
    }

    static List<ConditionalAccessPolicy> policies(JsonNode body) {
        return list(body, "value", ConditionalAccessMapper::policy);
    }

    static List<AuthenticationStrength> strengths(JsonNode body) {
        return list(body, "value", ConditionalAccessMapper::strength);
    }

    private static AuthenticationStrength strength(JsonNode s) {
        List<String> aaguids = new ArrayList<>();
        List<String> issuerSkis = new ArrayList<>();
        List<String> policyOids = new ArrayList<>();
        for (JsonNode configuration : s.path("combinationConfigurations")) {
            // only fido2CombinationConfiguration carries allowedAAGUIDs
            aaguids.addAll(lowerStrings(configuration, "allowedAAGUIDs"));
            if (X509_CONFIGURATION.equals(text(configuration, "@odata.type")) && appliesToMultiFactor(configuration)) {
                issuerSkis.addAll(strings(configuration, "allowedIssuerSkis"));
                policyOids.addAll(strings(configuration, "allowedPolicyOIDs"));
            }
        }
        return new AuthenticationStrength(text(s, "id"), text(s, "displayName"), strings(s, "allowedCombinations"),
                List.copyOf(aaguids), List.copyOf(issuerSkis), List.copyOf(policyOids));
    }

    /** Only restrictions on the multi-factor certificate mode matter: that is the mode CBA counts with. */
    private static boolean appliesToMultiFactor(JsonNode configuration) {
        List<String> combinations = strings(configuration, "appliesToCombinations");
        return combinations.isEmpty() || combinations.stream().anyMatch("x509CertificateMultiFactor"::equalsIgnoreCase);
    }
}
