package io.glasswarden.readiness.evaluation;

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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.glasswarden.core.ETag;
import io.glasswarden.security.Roles;

/**
 * A tenant's latest readiness: JSON, or CSV for spreadsheets and GRC tools. Tenant-wide results are for auditors and
 * above (custodians get 403; they read their own accounts and their history).
 */
@Path("/api/v1/tenants/{tenantId}/readiness")
@Tag(name = "Evaluations")
public class ReadinessResource {

    static final String CSV = "text/csv";

    private final EvaluationService service;
    private final ResultsBodies bodies;
    private final ObjectMapper json;

    ReadinessResource(EvaluationService service, ResultsBodies bodies, ObjectMapper json) {
        this.service = service;
        this.bodies = bodies;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The results of the tenant's latest completed evaluation (ETag; If-None-Match answers 304)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EvaluationResults.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    public Response latest(@PathParam("tenantId") String tenantId,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String tag = service.latestTag(tenantId, "json");
        if (ETag.noneMatchFails(ifNoneMatch, tag)) {
            return notModified(tag);
        }
        return Response.ok(bodies.json(tag), MediaType.APPLICATION_JSON_TYPE).tag(EntityTag.valueOf(tag)).build();
    }

    @GET
    @Produces(CSV)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The latest results as CSV: one row per account and finding (docs/evaluations.md)")
    public Response latestCsv(@PathParam("tenantId") String tenantId,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String tag = service.latestTag(tenantId, "csv");
        if (ETag.noneMatchFails(ifNoneMatch, tag)) {
            return notModified(tag);
        }
        EvaluationResults results = service.resultsOfTag(tag);
        return Response.ok(ReadinessCsv.write(results, json), CSV + "; charset=UTF-8")
                .tag(EntityTag.valueOf(tag))
                .header("Content-Disposition", "attachment; filename=\"readiness-" + results.tenantId() + ".csv\"")
                .build();
    }

    static Response notModified(String tag) {
        return Response.notModified(EntityTag.valueOf(tag)).build();
    }
}
