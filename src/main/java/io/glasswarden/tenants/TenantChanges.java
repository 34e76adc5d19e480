package io.glasswarden.tenants;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The updatable part of a tenant: the body of a merge patch after it was applied to the current state. Unknown
 * properties (including read-only ones such as {@code tenantId}) are rejected by Jackson.
 */
public record TenantChanges(
        @NotBlank @Size(max = 256) String displayName,
        Cloud cloud,
        DirectoryKind directory,
        @Valid TenantSettings settings) {

    static TenantChanges of(Tenant tenant) {
        return new TenantChanges(tenant.displayName(), tenant.cloud(), tenant.directory(), tenant.settings());
    }
}
