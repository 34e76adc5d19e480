package io.glasswarden.tenants;

import java.time.Instant;

import io.glasswarden.core.LifecycleState;

/**
 * A tenant as the API shows it. {@code scheduleProblem} (an extension of api.md) is null while the tenant's evaluation
 * schedule is in force as set, and otherwise says why not and what runs instead.
 */
public record TenantView(
        String tenantId,
        String displayName,
        Cloud cloud,
        DirectoryKind directory,
        TenantSettings settings,
        LifecycleState lifecycleState,
        Instant createdAt,
        Instant updatedAt,
        Instant retiredAt,
        String scheduleProblem) {

    public static TenantView of(Tenant tenant) {
        return new TenantView(tenant.tenantId(), tenant.displayName(), tenant.cloud(), tenant.directory(),
                tenant.settings(), tenant.lifecycleState(), tenant.createdAt(), tenant.updatedAt(),
                tenant.retiredAt(), tenant.scheduleProblem());
    }
}
