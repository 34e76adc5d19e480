package io.glasswarden.readiness.evaluation;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.glasswarden.directory.snapshot.DirectorySnapshot;
import io.glasswarden.security.Caller;
import io.glasswarden.security.Roles;

/** {@code /api/v1/tenants/{tenantId}/snapshot}: directory snapshots for offline audits (docs/snapshot-format.md). */
@Path("/api/v1/tenants/{tenantId}/snapshot")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Snapshots")
public class SnapshotResource {

    private final SnapshotService service;
    private final Caller caller;

    SnapshotResource(SnapshotService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** What was stored. */
    public record Uploaded(String tenantId, Instant capturedAt, Instant uploadedAt, String uploadedBy) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Upload a directory snapshot for a snapshot tenant (replaces the previous one; max 1 MiB)")
    public Uploaded upload(@PathParam("tenantId") String tenantId, String body) {
        DirectorySnapshot stored = service.upload(tenantId, body, caller.name());
        return new Uploaded(stored.tenantId(), stored.capturedAt(), stored.uploadedAt(), stored.uploadedBy());
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The stored snapshot (snapshot tenant) or one captured now from Microsoft Graph (graph"
            + " tenant)")
    public String get(@PathParam("tenantId") String tenantId) {
        return service.snapshot(tenantId);
    }
}
