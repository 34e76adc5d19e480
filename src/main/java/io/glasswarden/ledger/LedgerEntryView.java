package io.glasswarden.ledger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A ledger entry as the API and evidence bundles show it: every hashed field, {@code timestamp} in exactly the form
 * that was hashed, {@code data} as the JSON object that was hashed, and the hashes as 64 lower-case hex digits.
 */
public record LedgerEntryView(long sequence, String timestamp, String type, String tenantId, String subjectId,
        String actor, JsonNode data, String previousHash, String hash) {

    public static LedgerEntryView of(LedgerEntry entry) {
        return new LedgerEntryView(entry.sequence(), entry.timestamp(), entry.type(), entry.tenantId(),
                entry.subjectId(), entry.actor(), LedgerData.parse(entry.data()), entry.previousHash(), entry.hash());
    }
}
