package io.glasswarden.readiness.candidates;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.glasswarden.security.Roles;

/** {@code /api/v1/tenants/{tenantId}/candidates}: emergency account suggestions (read from the directory now). */
@Path("/api/v1/tenants/{tenantId}/candidates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class CandidateResource {

    private final CandidateService service;

    CandidateResource(CandidateService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Users that look like emergency accounts but are not inventoried, and inventoried accounts"
            + " that do not look like one (suggestions only)")
    public CandidateReport candidates(@PathParam("tenantId") String tenantId) {
        return service.candidates(tenantId);
    }
}
