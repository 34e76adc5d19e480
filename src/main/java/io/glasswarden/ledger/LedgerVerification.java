package io.glasswarden.ledger;

/**
 * The answer of {@code GET /api/v1/ledger/verify}: {@code entries} read, {@code head} the last entry's hash as
 * {@code sha256:<hex>}, and when invalid the sequence number where the chain first breaks with the reason.
 */
public record LedgerVerification(boolean valid, long entries, String head, Long firstInvalidEntry, String reason) {
}
