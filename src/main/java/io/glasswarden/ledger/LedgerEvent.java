package io.glasswarden.ledger;

import java.util.Map;

/**
 * What happened, for the ledger: {@code type} such as {@code ACCOUNT_CREATED}, {@code DRILL_RECORDED},
 * {@code ATTESTATION_RECORDED}, {@code SIGN_IN_ACKNOWLEDGED}; {@code tenantId} the Entra tenant id (null for global
 * events such as API keys); {@code subjectId} the id of the thing changed; {@code actor} the caller's name;
 * {@code data} the facts recorded (JSON-friendly values, never a secret).
 */
public record LedgerEvent(String type, String tenantId, String subjectId, String actor, Map<String, Object> data) {
}
