package io.glasswarden.tenants;

/** A tenant was created, changed or retired (fired within the change's transaction; observe after success). */
public record TenantChanged(String tenantId) {
}
