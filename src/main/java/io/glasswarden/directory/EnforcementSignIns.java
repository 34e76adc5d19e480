package io.glasswarden.directory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the enforcement impact report reads from a tenant (issue 11): whether it has Microsoft Entra ID P1/P2 (which
 * decides how far back the sign-in logs go: 30 days, else 7), the start of the window read, the sign-ins to the
 * enforced applications in that window (one filtered, paged query), and whether each user has an MFA-capable method
 * registered (one reading of the {@code userRegistrationDetails} report, by user id).
 */
public record EnforcementSignIns(Fact<Boolean> premium, Instant since, Fact<List<Entry>> signIns,
        Fact<Map<String, Boolean>> mfaCapable) {

    /**
     * One sign-in: {@code authenticationRequirement} {@code singleFactorAuthentication} or
     * {@code multiFactorAuthentication} (Graph beta); {@code workload} true for service principal and managed identity
     * sign-ins (not affected by mandatory MFA).
     */
    public record Entry(String id, Instant createdDateTime, String userId, String userPrincipalName,
            String userDisplayName, String appId, String appDisplayName, String authenticationRequirement,
            boolean succeeded, boolean workload, String servicePrincipalId, String servicePrincipalName) {
    }
}
