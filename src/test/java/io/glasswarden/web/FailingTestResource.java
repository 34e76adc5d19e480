package io.glasswarden.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.glasswarden.security.Roles;

/** Test-only endpoint that fails unexpectedly, to prove what a 500 reveals (nothing internal). */
@Path("/api/v1/test-failure")
public class FailingTestResource {

    @GET
    @RolesAllowed(Roles.AUDITOR)
    public String fail() {
        throw new IllegalStateException("org.postgresql.util.PSQLException: SELECT secret FROM api_keys");
    }
}
