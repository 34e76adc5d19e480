package io.glasswarden.attestations;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/**
 * {@code /api/v1/tenants/{tenantId}/accounts/{accountId}/attestations}: append-only. There is deliberately no PUT,
 * PATCH or DELETE: those answer 405 for every role.
 */
@Path("/api/v1/tenants/{tenantId}/accounts/{accountId}/attestations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Attestations")
public class AttestationResource {

    private final AttestationService service;

    AttestationResource(AttestationService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.CUSTODIAN})
    @Operation(summary = "Record an attestation (append-only)")
    public Response record(@PathParam("tenantId") String tenantId, @PathParam("accountId") String accountId,
            @Valid @NotNull AttestationRequest request) {
        AttestationView view = service.record(tenantId, accountId, request);
        return Response.created(URI.create("/api/v1/tenants/" + view.tenantId() + "/accounts/" + view.accountId()
                + "/attestations/" + view.id())).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.CUSTODIAN})
    @Operation(summary = "List an account's attestations, newest first")
    public Page<AttestationView> list(@PathParam("tenantId") String tenantId,
            @PathParam("accountId") String accountId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return service.list(tenantId, accountId, PageRequest.of(page, size));
    }

    @GET
    @Path("{attestationId}")
    @RolesAllowed({Roles.AUDITOR, Roles.CUSTODIAN})
    @Operation(summary = "Get an attestation")
    public AttestationView get(@PathParam("tenantId") String tenantId, @PathParam("accountId") String accountId,
            @PathParam("attestationId") String attestationId) {
        return service.get(tenantId, accountId, attestationId);
    }

    // Append-only (api.md): an explicit 405 for every role, rather than relying on routing, with the methods allowed.
    @PUT
    @Path("{attestationId}")
    @PermitAll
    @Operation(hidden = true)
    public Response replace() {
        throw notAllowed();
    }

    @PATCH
    @Path("{attestationId}")
    @PermitAll
    @Operation(hidden = true)
    public Response change() {
        throw notAllowed();
    }

    @DELETE
    @Path("{attestationId}")
    @PermitAll
    @Operation(hidden = true)
    public Response delete() {
        throw notAllowed();
    }

    @DELETE
    @PermitAll
    @Operation(hidden = true)
    public Response deleteAll() {
        throw notAllowed();
    }

    @PUT
    @PermitAll
    @Operation(hidden = true)
    public Response replaceAll() {
        throw notAllowed();
    }

    @PATCH
    @PermitAll
    @Operation(hidden = true)
    public Response changeAll() {
        throw notAllowed();
    }

    private static NotAllowedException notAllowed() {
        return new NotAllowedException(Response.status(Response.Status.METHOD_NOT_ALLOWED)
                .allow("GET", "POST")
                .build());
    }
}
