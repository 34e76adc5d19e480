package io.glasswarden.enforcement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.glasswarden.security.Roles;

/** The enforcement impact reports of every active tenant as one CSV (for MSPs). */
@Path("/api/v1/enforcement-impact")
@Tag(name = "Enforcement")
public class FleetImpactResource {

    private final ImpactReportService service;

    FleetImpactResource(ImpactReportService service) {
        this.service = service;
    }

    @GET
    @Produces(ImpactReportResource.CSV)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The enforcement impact reports of every active tenant as one CSV")
    public Response fleetCsv(@QueryParam("days") String days) {
        return Response.ok(ImpactCsv.write(service.fleet(ImpactReportResource.days(days))),
                ImpactReportResource.CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"enforcement-impact.csv\"")
                .build();
    }
}
