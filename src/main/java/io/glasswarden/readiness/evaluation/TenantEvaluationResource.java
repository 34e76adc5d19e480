package io.glasswarden.readiness.evaluation;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.glasswarden.security.Caller;
import io.glasswarden.security.Roles;

/** {@code /api/v1/tenants/{tenantId}/evaluations}: request an evaluation of a tenant. */
@Path("/api/v1/tenants/{tenantId}/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations")
public class TenantEvaluationResource {

    private final EvaluationService service;
    private final Caller caller;

    TenantEvaluationResource(EvaluationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Request an evaluation of a tenant", description = "Runs asynchronously. While one is queued"
            + " or running for the tenant, that one is returned instead of a new one.")
    public Response request(@PathParam("tenantId") String tenantId) {
        EvaluationView evaluation = service.request(tenantId, caller.name());
        return Response.accepted(evaluation).location(URI.create("/api/v1/evaluations/" + evaluation.id())).build();
    }
}
