package io.glasswarden.drills;

import java.time.Instant;
import java.util.UUID;

import io.glasswarden.readiness.InventoryFacts.DrillOutcome;
import io.glasswarden.readiness.InventoryFacts.DrillVerification;

/**
 * A drill as the API shows it. {@code matchedSignInId} is set when verified, {@code verificationReason} when
 * UNVERIFIABLE ({@code logs-expired}, {@code license-required}, {@code permission-denied}); {@code credentialKnown}
 * says whether
 * {@code credentialUsed} names one of the account's keys (by label or serial number).
 */
public record DrillView(
        UUID id,
        String tenantId,
        UUID accountId,
        Instant performedAt,
        String performedBy,
        DrillOutcome outcome,
        String credentialUsed,
        boolean credentialKnown,
        String notes,
        DrillVerification verification,
        String verificationReason,
        String matchedSignInId,
        Instant verifiedAt,
        String recordedBy,
        Instant recordedAt) {

    static DrillView of(Drill drill, String tenantId, boolean credentialKnown) {
        return new DrillView(drill.id(), tenantId, drill.accountId(), drill.performedAt(), drill.performedBy(),
                drill.outcome(), drill.credentialUsed(), credentialKnown, drill.notes(), drill.verification(),
                drill.verificationReason(), drill.matchedSignInId(), drill.verifiedAt(), drill.recordedBy(),
                drill.recordedAt());
    }
}
