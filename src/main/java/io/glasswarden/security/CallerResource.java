package io.glasswarden.security;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/me}: the caller's name, effective roles (hierarchy applied) and e-mail. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    private static final List<String> ROLES = List.of(Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR, Roles.CUSTODIAN);

    private final Caller caller;

    CallerResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.CUSTODIAN})
    public CallerView me() {
        return new CallerView(caller.name(), ROLES.stream().filter(caller::hasRole).toList(),
                caller.email().orElse(null));
    }
}
