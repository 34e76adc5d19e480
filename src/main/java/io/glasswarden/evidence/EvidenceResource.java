package io.glasswarden.evidence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.glasswarden.security.Caller;
import io.glasswarden.security.Roles;

/** A tenant's evidence bundle for auditors, as a JSON download. */
@Path("/api/v1/tenants/{tenantId}/evidence")
@RolesAllowed(Roles.AUDITOR)
public class EvidenceResource {

    private final EvidenceService evidence;
    private final Caller caller;
    private final Clock clock;

    EvidenceResource(EvidenceService evidence, Caller caller, Clock clock) {
        this.evidence = evidence;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("tenantId") String tenantId) {
        String bundle = evidence.bundle(tenantId, caller.name());
        String file = "glasswarden-evidence-" + tenantId.toLowerCase(java.util.Locale.ROOT) + "-"
                + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".json";
        return Response.ok(bundle, MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
