package io.glasswarden.tenants;

import java.time.Instant;

import io.glasswarden.core.LifecycleState;

/** A tenant as the API shows it. */
public record TenantView(
        String tenantId,
        String displayName,
        Cloud cloud,
        DirectoryKind directory,
        TenantSettings settings,
        LifecycleState lifecycleState,
        Instant createdAt,
        Instant updatedAt,
        Instant retiredAt) {

    public static TenantView of(Tenant tenant) {
        return new TenantView(tenant.tenantId(), tenant.displayName(), tenant.cloud(), tenant.directory(),
                tenant.settings(), tenant.lifecycleState(), tenant.createdAt(), tenant.updatedAt(),
                tenant.retiredAt());
    }
}
