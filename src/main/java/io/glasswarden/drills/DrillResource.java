package io.glasswarden.drills;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.security.Roles;
import io.quarkus.logging.Log;

/** {@code /api/v1/tenants/{tenantId}/accounts/{accountId}/drills}: an account's drills (test sign-ins). */
@Path("/api/v1/tenants/{tenantId}/accounts/{accountId}/drills")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Drills")
public class DrillResource {

    private final DrillService service;
    private final DrillVerifier verifier;

    DrillResource(DrillService service, DrillVerifier verifier) {
        this.service = service;
        this.verifier = verifier;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.CUSTODIAN})
    @Operation(summary = "Record a drill", description = "Stored as PENDING, then matched against the sign-in logs"
            + " right away and at each evaluation until VERIFIED, REFUTED or UNVERIFIABLE.")
    public Response record(@PathParam("tenantId") String tenantId, @PathParam("accountId") String accountId,
            @Valid @NotNull DrillRequest request) {
        DrillView recorded = service.record(tenantId, accountId, request);
        boolean settled = false;
        try {
            settled = verifier.verifyNow(recorded.id());
        } catch (RuntimeException e) {
            // The drill is recorded; it stays PENDING and the next evaluation settles it.
            Log.warnf(e, "Drill %s recorded but not verified now", recorded.id());
        }
        DrillView drill = settled ? service.get(tenantId, accountId, recorded.id().toString()) : recorded;
        return Response.created(URI.create("/api/v1/tenants/" + drill.tenantId() + "/accounts/" + drill.accountId()
                + "/drills/" + drill.id())).entity(drill).build();
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.CUSTODIAN})
    @Operation(summary = "List an account's drills, newest first")
    public Page<DrillView> list(@PathParam("tenantId") String tenantId, @PathParam("accountId") String accountId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(tenantId, accountId, PageRequest.of(page, size));
    }

    @GET
    @Path("{drillId}")
    @RolesAllowed({Roles.AUDITOR, Roles.CUSTODIAN})
    @Operation(summary = "Get a drill with its verification")
    public DrillView get(@PathParam("tenantId") String tenantId, @PathParam("accountId") String accountId,
            @PathParam("drillId") String drillId) {
        return service.get(tenantId, accountId, drillId);
    }
}
