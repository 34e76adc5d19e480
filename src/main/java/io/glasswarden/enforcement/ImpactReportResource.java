package io.glasswarden.enforcement;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.glasswarden.core.InvalidInputException;
import io.glasswarden.security.Roles;

/**
 * Who will break when mandatory MFA reaches a tenant (api.md "Enforcement"): per tenant as JSON or CSV, and across
 * all active tenants as one CSV for MSPs. {@code days} 1–30 (default 30) is clamped to what the logs hold (30 days
 * with Entra ID P1/P2, 7 without).
 */
@Path("/api/v1/tenants/{tenantId}/enforcement-impact")
@Tag(name = "Enforcement")
public class ImpactReportResource {

    static final String CSV = "text/csv";

    private final ImpactReportService service;

    ImpactReportResource(ImpactReportService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Users who signed in to the enforced applications, with sign-ins without MFA (JSON)")
    public ImpactReport report(@PathParam("tenantId") String tenantId, @QueryParam("days") String days) {
        return service.report(tenantId, days(days));
    }

    @GET
    @Produces(CSV)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The tenant's enforcement impact report as CSV")
    public Response reportCsv(@PathParam("tenantId") String tenantId, @QueryParam("days") String days) {
        ImpactReport report = service.report(tenantId, days(days));
        return Response.ok(ImpactCsv.write(List.of(report)), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"enforcement-impact-" + report.tenantId()
                        + ".csv\"")
                .build();
    }

    static int days(String raw) {
        if (raw == null || raw.isBlank()) {
            return 30;
        }
        try {
            int days = Integer.parseInt(raw.trim());
            if (days >= 1 && days <= 30) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("days", "must be a whole number from 1 to 30");
    }
}
