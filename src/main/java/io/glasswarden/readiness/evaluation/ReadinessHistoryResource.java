package io.glasswarden.readiness.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.security.Roles;

/** An account's readiness trend; custodians see their own accounts only (others answer 404). */
@Path("/api/v1/tenants/{tenantId}/accounts/{accountId}/readiness-history")
@Tag(name = "Evaluations")
public class ReadinessHistoryResource {

    private final EvaluationService service;

    ReadinessHistoryResource(EvaluationService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUDITOR, Roles.CUSTODIAN})
    @Operation(summary = "An account's readiness over its evaluations, newest first")
    public Page<ReadinessHistoryEntry> history(@PathParam("tenantId") String tenantId,
            @PathParam("accountId") String accountId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return service.history(tenantId, accountId, PageRequest.of(page, size));
    }
}
