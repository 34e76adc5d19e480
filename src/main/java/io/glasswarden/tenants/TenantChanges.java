package io.glasswarden.tenants;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The updatable part of a tenant: the body of a merge patch after it was applied to the current state. Unknown
 * properties (including read-only ones such as {@code tenantId}) are rejected by Jackson.
 */
public record TenantChanges(
        @NotBlank @Size(max = 256) String displayName,
        @Pattern(regexp = Cloud.WIRE_VALUES, message = "must be one of global, usgov, usgovdod, china") String cloud,
        @Pattern(regexp = DirectoryKind.WIRE_VALUES, message = "must be graph or snapshot") String directory,
        @Valid TenantSettings settings) {

    static TenantChanges of(Tenant tenant) {
        return new TenantChanges(tenant.displayName(), tenant.cloud().wireValue(), tenant.directory().wireValue(),
                tenant.settings());
    }
}
