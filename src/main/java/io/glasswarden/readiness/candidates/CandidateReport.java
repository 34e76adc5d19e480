package io.glasswarden.readiness.candidates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Suggestions only, never acted on: directory users that look like emergency accounts but are not inventoried, and
 * inventoried accounts that do not look like one. {@code graphRequests} is 0 for snapshot tenants.
 */
public record CandidateReport(String tenantId, Instant generatedAt, int graphRequests, List<Candidate> candidates,
        List<InventoryMismatch> inventoryMismatches, List<String> notes) {

    /** A Global Administrator not in the inventory that looks like an emergency account. */
    public record Candidate(String objectId, String userPrincipalName, String displayName, List<String> reasons,
            List<String> unchecked) {
    }

    /** An inventoried account that does not look like an emergency account, and why. */
    public record InventoryMismatch(UUID accountId, String userPrincipalName, String objectId, List<String> reasons) {
    }
}
