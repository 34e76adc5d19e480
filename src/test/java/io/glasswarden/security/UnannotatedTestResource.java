package io.glasswarden.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only endpoint under /api with no role annotation: proves the /api/* permission still demands credentials. */
@Path("/api/v1/test-only/unannotated")
public class UnannotatedTestResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String get() {
        return "ok";
    }
}
