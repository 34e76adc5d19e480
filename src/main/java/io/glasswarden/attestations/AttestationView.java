package io.glasswarden.attestations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.glasswarden.readiness.InventoryFacts.AttestationKind;

/** An attestation as the API shows it; {@code channel} is API or LINK (the e-mailed form). */
public record AttestationView(
        UUID id,
        String tenantId,
        UUID accountId,
        AttestationKind kind,
        String attestedBy,
        String statement,
        List<String> keysSighted,
        Attestation.Channel channel,
        String recordedBy,
        Instant attestedAt) {
}
