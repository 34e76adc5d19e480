package io.glasswarden.readiness.evaluation;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.glasswarden.core.ETag;
import io.glasswarden.security.Roles;

/** {@code /api/v1/evaluations}: follow an evaluation and read its results. */
@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations")
public class EvaluationResource {

    private final EvaluationService service;
    private final ResultsBodies bodies;

    EvaluationResource(EvaluationService service, ResultsBodies bodies) {
        this.service = service;
        this.bodies = bodies;
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
    @Operation(summary = "Get the full results of a completed evaluation (ETag; If-None-Match answers 304)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EvaluationResults.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    public Response results(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Optional<String> tag = service.resultsTag(id, "json");
        if (tag.isEmpty()) {
            service.results(id); // 404 for an unknown evaluation, 409 while it is not completed
            tag = service.resultsTag(id, "json"); // it completed between the two reads
        }
        if (ETag.noneMatchFails(ifNoneMatch, tag.orElseThrow())) {
            return ReadinessResource.notModified(tag.get());
        }
        return Response.ok(bodies.json(tag.get()), MediaType.APPLICATION_JSON_TYPE)
                .tag(EntityTag.valueOf(tag.get()))
                .build();
    }
}
