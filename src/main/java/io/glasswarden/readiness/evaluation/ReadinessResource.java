package io.glasswarden.readiness.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

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
    private final ObjectMapper json;

    ReadinessResource(EvaluationService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The results of the tenant's latest completed evaluation")
    public EvaluationResults latest(@PathParam("tenantId") String tenantId) {
        return service.latest(tenantId);
    }

    @GET
    @Produces(CSV)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The latest results as CSV: one row per account and finding (docs/evaluations.md)")
    public Response latestCsv(@PathParam("tenantId") String tenantId) {
        EvaluationResults results = service.latest(tenantId);
        return Response.ok(ReadinessCsv.write(results, json), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"readiness-" + results.tenantId() + ".csv\"")
                .build();
    }
}
