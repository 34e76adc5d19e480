package io.glasswarden.enforcement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.glasswarden.security.Roles;

/** When mandatory MFA reaches a tenant and whether its emergency accounts are ready for it (api.md "Enforcement"). */
@Path("/api/v1/tenants/{tenantId}/enforcement")
@Tag(name = "Enforcement")
public class EnforcementResource {

    private final EnforcementService service;

    EnforcementResource(EnforcementService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Mandatory MFA phases for the tenant (apps, dates, state) and each account's mandatoryMfaReady")
    public EnforcementView get(@PathParam("tenantId") String tenantId) {
        return service.view(tenantId);
    }
}
