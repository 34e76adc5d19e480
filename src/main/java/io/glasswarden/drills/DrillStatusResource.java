package io.glasswarden.drills;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.QueryParameters;
import io.glasswarden.security.Roles;

/** {@code /api/v1/drills}: which accounts have a drill upcoming, due or overdue. */
@Path("/api/v1/drills")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Drills")
public class DrillStatusResource {

    private final DrillOverview overview;

    DrillStatusResource(DrillOverview overview) {
        this.overview = overview;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.CUSTODIAN})
    @Operation(summary = "Drill status of active accounts", description = "status=UPCOMING (before the due day), DUE"
            + " (on the due day, UTC) or OVERDUE (after it); tenantId limits to one tenant. Sorted by due date.")
    public Page<DrillStatusView> list(@QueryParam("status") String status, @QueryParam("tenantId") String tenantId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return overview.list(tenantId, QueryParameters.enumValue(status, DrillSchedule.Status.class, "status"),
                PageRequest.of(page, size));
    }
}
