package io.glasswarden.accounts;

import java.net.URI;
import java.util.Locale;

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

/** {@code /api/v1/tenants/{tenantId}/accounts}: a tenant's emergency access accounts. */
@Path("/api/v1/tenants/{tenantId}/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AccountResource {

    private final AccountService service;

    AccountResource(AccountService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Add an emergency account to a tenant's inventory")
    public Response create(@PathParam("tenantId") String tenantId, @Valid @NotNull AccountChanges request) {
        EmergencyAccount account = service.create(tenantId, request);
        return withETag(Response.created(URI.create("/api/v1/tenants/" + account.tenant().tenantId() + "/accounts/"
                + account.id())), account);
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.CUSTODIAN})
    @Operation(summary = "List a tenant's accounts", description = "status=READY|AT_RISK|NOT_READY|UNKNOWN filters by"
            + " latest readiness; lifecycleState=ACTIVE (default), RETIRED or ALL. Custodians see their own accounts.")
    public Page<AccountView> list(@PathParam("tenantId") String tenantId, @QueryParam("status") String status,
            @QueryParam("lifecycleState") String lifecycleState, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return service.list(tenantId, status == null ? null : status.trim().toUpperCase(Locale.ROOT),
                QueryParameters.lifecycleFilter(lifecycleState), PageRequest.of(page, size)).map(AccountView::of);
    }

    @GET
    @Path("{accountId}")
    @RolesAllowed({Roles.AUDITOR, Roles.CUSTODIAN})
    @Operation(summary = "Get an account with its latest readiness")
    public Response get(@PathParam("tenantId") String tenantId, @PathParam("accountId") String accountId) {
        return withETag(Response.ok(), service.require(tenantId, accountId));
    }

    @PATCH
    @Path("{accountId}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Change an account (JSON merge patch; send If-Match with the ETag you read)")
    public Response patch(@PathParam("tenantId") String tenantId, @PathParam("accountId") String accountId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull JsonNode patch) {
        return withETag(Response.ok(), service.patch(tenantId, accountId, patch, ifMatch));
    }

    @DELETE
    @Path("{accountId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retire an account (kept with its history)")
    public Response retire(@PathParam("tenantId") String tenantId, @PathParam("accountId") String accountId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(Response.ok(), service.retire(tenantId, accountId, ifMatch));
    }

    private static Response withETag(Response.ResponseBuilder response, EmergencyAccount account) {
        return response.entity(AccountView.of(account)).tag(EntityTag.valueOf(ETag.of(account.version()))).build();
    }
}
