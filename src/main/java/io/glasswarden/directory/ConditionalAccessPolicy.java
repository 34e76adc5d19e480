package io.glasswarden.directory;

import java.util.List;

/**
 * A Conditional Access policy, reduced to what the scope and lockout logic of rules.md need. {@code state} is
 * {@code enabled}, {@code disabled} or {@code enabledForReportingButNotEnforced}. {@code includeServicePrincipals}
 * comes from {@code conditions.clientApplications} (workload identity policies). {@code grant} is null when the policy
 * has session controls only.
 */
public record ConditionalAccessPolicy(
        String id,
        String displayName,
        String state,
        List<String> includeUsers,
        List<String> excludeUsers,
        List<String> includeGroups,
        List<String> excludeGroups,
        List<String> includeRoles,
        List<String> excludeRoles,
        List<String> includeServicePrincipals,
        GrantControls grant) {

    /** Grant controls: {@code operator} {@code AND} or {@code OR}; {@code authenticationStrengthId} may be null. */
    public record GrantControls(String operator, List<String> builtInControls, List<String> customAuthenticationFactors,
            List<String> termsOfUse, String authenticationStrengthId) {
    }
}
