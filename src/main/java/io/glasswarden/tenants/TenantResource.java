package io.glasswarden.tenants;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.core.ETag;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.QueryParameters;
import io.glasswarden.security.Roles;

/** {@code /api/v1/tenants}: the Entra tenants whose emergency accounts are watched. */
@Path("/api/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants")
public class TenantResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final TenantService service;

    TenantResource(TenantService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Add a tenant")
    public Response create(@Valid @NotNull TenantRequest request) {
        Tenant tenant = service.create(request);
        return withETag(Response.created(URI.create("/api/v1/tenants/" + tenant.tenantId())), tenant);
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "List tenants", description = "lifecycleState=ACTIVE (default), RETIRED or ALL.")
    public Page<TenantView> list(@QueryParam("lifecycleState") String lifecycleState, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return service.list(QueryParameters.lifecycleFilter(lifecycleState),
                PageRequest.of(page, size)).map(TenantView::of);
    }

    @GET
    @Path("{tenantId}")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Get a tenant by its Entra tenant id")
    public Response get(@PathParam("tenantId") String tenantId) {
        return withETag(Response.ok(), service.require(tenantId));
    }

    @PATCH
    @Path("{tenantId}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Change a tenant (JSON merge patch; send If-Match with the ETag you read)")
    public Response patch(@PathParam("tenantId") String tenantId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull JsonNode patch) {
        return withETag(Response.ok(), service.patch(tenantId, patch, ifMatch));
    }

    @DELETE
    @Path("{tenantId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retire a tenant (kept with its history, no longer evaluated)")
    public Response retire(@PathParam("tenantId") String tenantId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(Response.ok(), service.retire(tenantId, ifMatch));
    }

    private static Response withETag(Response.ResponseBuilder response, Tenant tenant) {
        return response.entity(TenantView.of(tenant))
                .tag(EntityTag.valueOf(ETag.of(tenant.version())))
                .build();
    }
}
