package io.glasswarden.enforcement;

import java.time.Instant;
import java.util.List;

/**
 * The enforcement impact report of one tenant (api.md "Enforcement", the multi-tenant equivalent of
 * {@code Export-MsIdAzureMfaReport}): every user who signed in to an enforced application in the window, per
 * application, with how often without MFA ({@code authenticationRequirement = singleFactorAuthentication}), whether
 * the user has an MFA-capable method registered (null when the registration report could not be read), and whether
 * the user would be blocked (signed in without MFA and has no MFA-capable method); workload identities are listed as
 * not affected. {@code missing} says which permission or licence kept the logs from being read.
 */
public record ImpactReport(String tenantId, Instant generatedAt, int windowDays, Instant windowStart,
        Boolean premiumLicence, boolean logsRead, Missing missing, List<Application> applications, List<User> users,
        List<WorkloadIdentity> workloadIdentities, String note) {

    /** What could not be read and why. */
    public record Missing(String data, String reason, String permission, String licence, String detail) {
    }

    /** An enforced application and its phase. */
    public record Application(String appId, String name, String phase) {
    }

    /** A user and their sign-ins per application. */
    public record User(String userId, String userPrincipalName, String displayName, Boolean mfaCapable,
            int signIns, int signInsWithoutMfa, Instant lastSignIn, boolean wouldBeBlocked, List<AppUse> applications) {
    }

    /** A user's sign-ins to one application. */
    public record AppUse(String appId, String appDisplayName, String phase, int signIns, int signInsWithoutMfa,
            Instant lastSignIn) {
    }

    /** A service principal or managed identity: mandatory MFA does not apply to it. */
    public record WorkloadIdentity(String servicePrincipalId, String name, String appId, int signIns,
            boolean affected) {
    }
}
