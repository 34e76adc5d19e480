package io.glasswarden.ledger;

/**
 * The tamper-evident ledger: every attestation, drill, acknowledgement and inventory change is appended here in the
 * same transaction as the change itself, so that if the ledger write fails the change fails too.
 */
public interface Ledger {

    /**
     * Appends an entry to the hash chain within the caller's transaction (which must exist) and returns its sequence
     * number.
     */
    long append(LedgerEvent event);
}
