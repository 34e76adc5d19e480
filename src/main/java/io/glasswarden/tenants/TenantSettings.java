package io.glasswarden.tenants;

import java.util.List;

/**
 * Per-tenant readiness settings. Every field has the default of the rule catalogue (rules.md); a {@code null} given on
 * the wire means "use the default".
 */
public record TenantSettings(
        Integer minUsableCredentials,
        List<String> approvedAaguids,
        Boolean allowSyncedPasskeys,
        List<String> allowedFallbackMethods,
        Boolean requireInitialDomain,
        Integer drillIntervalDays,
        Integer attestationIntervalDays,
        Integer reminderLeadDays,
        String evaluationCron) {

    /** Method kinds that may be allowed as phishable fallback (BG-060). */
    public static final List<String> FALLBACK_METHODS = List.of("phone", "microsoftAuthenticator", "softwareOath",
            "hardwareOath", "email");

    public static final String DEFAULT_EVALUATION_CRON = "0 0 */6 * * ?";

    public static TenantSettings defaults() {
        return new TenantSettings(2, List.of(), false, List.of(), true, 90, 90, 14, DEFAULT_EVALUATION_CRON);
    }

    /** This settings object with every missing field taken from {@link #defaults()}. */
    public TenantSettings withDefaults() {
        TenantSettings d = defaults();
        return new TenantSettings(
                minUsableCredentials != null ? minUsableCredentials : d.minUsableCredentials,
                approvedAaguids != null
                        ? approvedAaguids.stream().map(String::toLowerCase).toList()
                        : d.approvedAaguids,
                allowSyncedPasskeys != null ? allowSyncedPasskeys : d.allowSyncedPasskeys,
                allowedFallbackMethods != null ? List.copyOf(allowedFallbackMethods) : d.allowedFallbackMethods,
                requireInitialDomain != null ? requireInitialDomain : d.requireInitialDomain,
                drillIntervalDays != null ? drillIntervalDays : d.drillIntervalDays,
                attestationIntervalDays != null ? attestationIntervalDays : d.attestationIntervalDays,
                reminderLeadDays != null ? reminderLeadDays : d.reminderLeadDays,
                evaluationCron != null ? evaluationCron : d.evaluationCron);
    }
}
