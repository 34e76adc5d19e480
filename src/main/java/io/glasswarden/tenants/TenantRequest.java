package io.glasswarden.tenants;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.glasswarden.core.Guids;

/** Body of {@code POST /api/v1/tenants}. Omitted settings take the defaults of the rule catalogue. */
public record TenantRequest(
        @NotNull @Pattern(regexp = Guids.REGEX, message = "must be an Entra tenant id (GUID)") String tenantId,
        @NotBlank @Size(max = 256) String displayName,
        @Pattern(regexp = Cloud.WIRE_VALUES, message = "must be one of global, usgov, usgovdod, china") String cloud,
        @Pattern(regexp = DirectoryKind.WIRE_VALUES, message = "must be graph or snapshot") String directory,
        @Valid TenantSettings settings) {

    TenantChanges changes() {
        return new TenantChanges(displayName, cloud, directory, settings);
    }
}
