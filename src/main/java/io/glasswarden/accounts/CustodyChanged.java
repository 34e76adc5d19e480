package io.glasswarden.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fired (CDI, in the changing transaction) when custodians of an account were removed or replaced: {@code removed}
 * the e-mail addresses no longer listed, {@code remaining} the custodians the account has now. The drills feature
 * makes a drill due now; the attestations feature asks the remaining custodians to attest custody (issue 11).
 */
public record CustodyChanged(UUID accountId, String tenantId, List<String> removed, List<Custodian> remaining,
        Instant changedAt, String changedBy) {
}
