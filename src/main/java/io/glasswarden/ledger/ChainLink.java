package io.glasswarden.ledger;

/** One link of the chain without its content: what an evidence bundle shows of other tenants' entries. */
public record ChainLink(long sequence, String previousHash, String hash) {
}
