package io.glasswarden.readiness;

import java.util.List;
import java.util.UUID;

/** The attestations recorded for an account, newest first. Implemented by the attestations feature. */
public interface AttestationRecords {

    List<InventoryFacts.Attestation> list(UUID accountId);
}
