package io.glasswarden.notifications;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.ResourceId;
import io.glasswarden.security.Caller;
import io.glasswarden.security.Roles;

/** Webhook subscriptions, for admins. The signing secret is in the 201 answer and nowhere else. */
@Path("/api/v1/webhooks")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final WebhookService service;
    private final Caller caller;

    WebhookResource(WebhookService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    public Response create(@Valid @NotNull CreateWebhookRequest request) {
        CreatedWebhook created = service.create(request, caller.name());
        return Response.created(URI.create("/api/v1/webhooks/" + created.id()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(created)
                .build();
    }

    @GET
    public Page<WebhookView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    public WebhookView get(@PathParam("id") String id) {
        return service.get(ResourceId.parse(id, "webhook"));
    }

    /** A new signing secret; the former one keeps signing beside it for the rotation overlap (default 24 h). */
    @POST
    @Path("{id}/rotate-secret")
    @Consumes(MediaType.WILDCARD)
    public Response rotateSecret(@PathParam("id") String id) {
        RotatedWebhookSecret rotated = service.rotateSecret(ResourceId.parse(id, "webhook"), caller.name());
        return Response.ok(rotated).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(ResourceId.parse(id, "webhook"), caller.name());
        return Response.noContent().build();
    }

}
