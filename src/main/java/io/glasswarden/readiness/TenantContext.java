package io.glasswarden.readiness;

import java.time.Instant;
import java.util.List;

import io.glasswarden.directory.TenantFacts;
import io.glasswarden.tenants.TenantSettings;

/**
 * What tenant rules read: the tenant's directory facts and settings, the readiness of every non-retired account
 * evaluated in the same run (the caller leaves retired accounts out), and the mandatory MFA phases as they apply to
 * the tenant ({@link EnforcementTimeline}).
 */
public record TenantContext(TenantFacts tenant, TenantSettings settings, List<AccountReadiness> accounts,
        Instant now, List<EnforcementPhase> enforcement) {

    public TenantContext {
        settings = (settings == null ? TenantSettings.defaults() : settings).withDefaults();
        accounts = List.copyOf(accounts);
        enforcement = enforcement == null
                ? EnforcementTimeline.bundled().phases(null, settings.mfaEnforcement())
                : List.copyOf(enforcement);
    }

    /** A tenant of the global cloud: the phases come from the bundled timeline and the settings' own dates. */
    public TenantContext(TenantFacts tenant, TenantSettings settings, List<AccountReadiness> accounts, Instant now) {
        this(tenant, settings, accounts, now, null);
    }
}
