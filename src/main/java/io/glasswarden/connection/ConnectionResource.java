package io.glasswarden.connection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.glasswarden.security.Roles;

/** {@code /api/v1/tenants/{tenantId}/connection}: can Glasswarden read the tenant, and what does it lack. */
@Path("/api/v1/tenants/{tenantId}/connection")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants")
public class ConnectionResource {

    private final ConnectionService service;

    ConnectionResource(ConnectionService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Check the connection to the tenant without evaluating: token (AADSTS reason in words),"
            + " granted and missing application permissions with the rules each degrades, Entra ID P1/P2, and the"
            + " admin-consent URL")
    public ConnectionReport check(@PathParam("tenantId") String tenantId) {
        return service.check(tenantId);
    }
}
