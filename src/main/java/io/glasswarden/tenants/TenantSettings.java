package io.glasswarden.tenants;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.glasswarden.core.Guids;

/**
 * Per-tenant readiness and lifecycle settings. {@code escalationContacts} (an extension of api.md) receive overdue
 * drill escalations, sign-in alerts and enforcement escalations. {@code mfaEnforcement} dates left null mean
 * Microsoft's published dates for the tenant's cloud. Every field has the default of the rule catalogue (rules.md); a {@code null} given on
 * the wire means "use the default".
 */
public record TenantSettings(
        @Min(1) @Max(10) Integer minUsableCredentials,
        @Size(max = 500) List<@NotNull @Pattern(regexp = Guids.REGEX, message = "must be an AAGUID") String> approvedAaguids,
        Boolean allowSyncedPasskeys,
        List<@NotNull @Pattern(regexp = "phone|microsoftAuthenticator|softwareOath|hardwareOath|email", message = "must be one of phone, microsoftAuthenticator, softwareOath, hardwareOath, email") String> allowedFallbackMethods,
        Boolean requireInitialDomain,
        @Min(1) @Max(365) Integer drillIntervalDays,
        @Min(1) @Max(730) Integer attestationIntervalDays,
        @Min(0) @Max(90) Integer reminderLeadDays,
        @QuartzCron String evaluationCron,
        @Size(max = 20) List<@NotNull @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be an e-mail address") String> escalationContacts,
        @Min(1) @Max(90) Integer postUseReviewDays,
        @Min(1) @Max(10) Integer minReadyAccounts,
        @Min(1) @Max(365) Integer enforcementWarningDays,
        MfaEnforcement mfaEnforcement) {

    /** Method kinds that may be allowed as phishable fallback (BG-060). */
    public static final List<String> FALLBACK_METHODS = List.of("phone", "microsoftAuthenticator", "softwareOath",
            "hardwareOath", "email");

    public static final String DEFAULT_EVALUATION_CRON = "0 0 */6 * * ?";

    public static TenantSettings defaults() {
        return new TenantSettings(2, List.of(), false, List.of(), true, 90, 90, 14, DEFAULT_EVALUATION_CRON, List.of(),
                7, 2, 30, MfaEnforcement.published());
    }

    /** This settings object with every missing field taken from {@link #defaults()}. */
    public TenantSettings withDefaults() {
        TenantSettings d = defaults();
        return new TenantSettings(
                minUsableCredentials != null ? minUsableCredentials : d.minUsableCredentials,
                approvedAaguids != null
                        ? approvedAaguids.stream().map(Guids::normalize).distinct().toList()
                        : d.approvedAaguids,
                allowSyncedPasskeys != null ? allowSyncedPasskeys : d.allowSyncedPasskeys,
                allowedFallbackMethods != null
                        ? allowedFallbackMethods.stream().distinct().toList()
                        : d.allowedFallbackMethods,
                requireInitialDomain != null ? requireInitialDomain : d.requireInitialDomain,
                drillIntervalDays != null ? drillIntervalDays : d.drillIntervalDays,
                attestationIntervalDays != null ? attestationIntervalDays : d.attestationIntervalDays,
                reminderLeadDays != null ? reminderLeadDays : d.reminderLeadDays,
                evaluationCron != null ? evaluationCron : d.evaluationCron,
                escalationContacts != null
                        ? escalationContacts.stream()
                                .map(e -> e.trim().toLowerCase(java.util.Locale.ROOT))
                                .distinct()
                                .toList()
                        : d.escalationContacts,
                postUseReviewDays != null ? postUseReviewDays : d.postUseReviewDays,
                minReadyAccounts != null ? minReadyAccounts : d.minReadyAccounts,
                enforcementWarningDays != null ? enforcementWarningDays : d.enforcementWarningDays,
                mfaEnforcement != null ? mfaEnforcement : d.mfaEnforcement);
    }
}
