package io.glasswarden.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.glasswarden.core.Guids;
import io.glasswarden.core.InvalidInputException;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.security.Roles;

/** Verifying and browsing the ledger, for auditors. */
@Path("/api/v1/ledger")
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    private final LedgerVerifier verifier;
    private final LedgerEntries entries;

    LedgerResource(LedgerVerifier verifier, LedgerEntries entries) {
        this.verifier = verifier;
        this.entries = entries;
    }

    /** Recomputes the whole chain: {@code {"valid", "entries", "head", "firstInvalidEntry", "reason"}}. */
    @GET
    @Path("verify")
    public LedgerVerification verify() {
        return verifier.verify();
    }

    /** Entries, newest first, optionally of one tenant. */
    @GET
    @Path("entries")
    public Page<LedgerEntryView> entries(@QueryParam("tenantId") String tenantId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        if (tenantId != null && !tenantId.isBlank() && !Guids.isGuid(tenantId)) {
            throw new InvalidInputException("tenantId", "must be an Entra tenant id (GUID)");
        }
        String tenant = tenantId == null || tenantId.isBlank() ? null : Guids.normalize(tenantId);
        return entries.page(tenant, request).map(LedgerEntryView::of);
    }
}
