package io.glasswarden.security;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.ResourceId;

/** API keys, for admins only. The key itself is in the 201 answer and nowhere else, ever. */
@Path("/api/v1/api-keys")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    private final ApiKeyService service;
    private final Caller caller;

    ApiKeyResource(ApiKeyService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    public Response create(CreateApiKeyRequest request, @Context UriInfo uri) {
        CreatedApiKey created = service.create(request, caller.name());
        URI location = uri.getAbsolutePathBuilder().path(created.id().toString()).build();
        // The body holds a secret: no cache, proxy or browser may keep it.
        return Response.created(location).header(HttpHeaders.CACHE_CONTROL, "no-store").entity(created).build();
    }

    @GET
    public Page<ApiKeyView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    public ApiKeyView get(@PathParam("id") String id) {
        return service.get(ResourceId.parse(id, "API key"));
    }

    /** Revokes the key (kept for audit, shown with revokedAt); it is refused from the next request on. */
    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        service.revoke(ResourceId.parse(id, "API key"), caller.name());
        return Response.noContent().build();
    }

}
