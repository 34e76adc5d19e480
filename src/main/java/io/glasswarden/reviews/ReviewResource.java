package io.glasswarden.reviews;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.security.Roles;

/** Post-use reviews of an account (BG-043): read them; record the credentials step of the open one. */
@Path("/api/v1/tenants/{tenantId}/accounts/{accountId}/reviews")
@Tag(name = "Reviews")
public class ReviewResource {

    private final ReviewService service;

    ReviewResource(ReviewService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUDITOR, Roles.CUSTODIAN})
    @Operation(summary = "The account's post-use reviews, newest first, with their steps")
    public Page<ReviewView> list(@PathParam("tenantId") String tenantId, @PathParam("accountId") String accountId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(tenantId, accountId, PageRequest.of(page, size));
    }

    @GET
    @Path("{reviewId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUDITOR, Roles.CUSTODIAN})
    @Operation(summary = "One post-use review with its steps")
    public ReviewView get(@PathParam("tenantId") String tenantId, @PathParam("accountId") String accountId,
            @PathParam("reviewId") String reviewId) {
        return service.get(tenantId, accountId, reviewId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Record that the credentials were rotated or re-sealed (the open review's credentials step)")
    public ReviewView recordCredentials(@PathParam("tenantId") String tenantId,
            @PathParam("accountId") String accountId, @NotNull @Valid CredentialsStepRequest request) {
        return service.recordCredentials(tenantId, accountId, request);
    }
}
