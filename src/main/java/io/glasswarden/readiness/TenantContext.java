package io.glasswarden.readiness;

import java.time.Instant;
import java.util.List;

import io.glasswarden.directory.TenantFacts;
import io.glasswarden.tenants.TenantSettings;

/**
 * What tenant rules read: the tenant's directory facts and settings, and the readiness of every non-retired account
 * evaluated in the same run (the caller leaves retired accounts out).
 */
public record TenantContext(TenantFacts tenant, TenantSettings settings, List<AccountReadiness> accounts,
        Instant now) {

    public TenantContext {
        settings = (settings == null ? TenantSettings.defaults() : settings).withDefaults();
        accounts = List.copyOf(accounts);
    }
}
