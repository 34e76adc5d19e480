package io.glasswarden.readiness.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.glasswarden.security.Roles;

/** {@code /api/v1/evaluations}: follow an evaluation and read its results. */
@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations")
public class EvaluationResource {

    private final EvaluationService service;

    EvaluationResource(EvaluationService service) {
        this.service = service;
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Get an evaluation's status and summary")
    public EvaluationView get(@PathParam("id") String id) {
        return service.get(id);
    }

    @GET
    @Path("{id}/results")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Get the full results of a completed evaluation")
    public EvaluationResults results(@PathParam("id") String id) {
        return service.results(id);
    }
}
