package io.glasswarden.ledger;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

/**
 * Recomputes every hash of the chain in sequence order, in batches, and checks that sequence numbers are continuous
 * from 1, that each entry names its predecessor's hash, and that the last entry is the recorded chain head (sequence
 * and hash). Finds a changed field or data text, a deleted, inserted or reordered row, entries cut from the end and a
 * last entry rewritten with a recomputed hash.
 */
@ApplicationScoped
public class LedgerVerifier {

    static final int BATCH_SIZE = 1000;

    private final LedgerEntries entries;

    LedgerVerifier(LedgerEntries entries) {
        this.entries = entries;
    }

    public LedgerVerification verify() {
        Walk walk = new Walk();
        ChainLink recordedHead;
        do {
            // Appends may happen while we read: read until the recorded head is reached or nothing new comes.
            walk.readFrom(entries);
            recordedHead = entries.head();
        } while (recordedHead.sequence() > walk.count && walk.readFrom(entries));
        if (walk.broken == null && (recordedHead.sequence() != walk.count
                || !recordedHead.hash().equals(walk.previousHash))) {
            // Same length but another hash: the last entry itself was rewritten (with a recomputed hash).
            walk.broken = recordedHead.sequence() == walk.count
                    ? walk.count
                    : Math.min(walk.count, recordedHead.sequence()) + 1;
            walk.reason = recordedHead.sequence() > walk.count
                    ? "entries " + (walk.count + 1) + " to " + recordedHead.sequence() + " are missing: the chain"
                            + " head records " + recordedHead.sequence() + " entries"
                    : "the chain head records entry " + recordedHead.sequence() + " with hash " + recordedHead.hash()
                            + ", but the last entry is " + walk.count + " with hash " + walk.previousHash;
        }
        if (walk.broken != null) {
            Log.warnf("Ledger verification failed at entry %d: %s", walk.broken, walk.reason);
        }
        return new LedgerVerification(walk.broken == null, walk.count, "sha256:" + walk.previousHash, walk.broken,
                walk.reason);
    }

    /** The state of one pass along the chain. */
    private static final class Walk {
        long count;
        long expected = 1;
        long after;
        String previousHash = LedgerEntry.GENESIS_HASH;
        Long broken;
        String reason;

        /** Reads and checks every entry after the last one seen; true if there was any. */
        boolean readFrom(LedgerEntries entries) {
            boolean any = false;
            for (List<LedgerEntry> batch = entries.batch(after, BATCH_SIZE, null); !batch.isEmpty(); batch = entries
                    .batch(after, BATCH_SIZE, null)) {
                any = true;
                for (LedgerEntry entry : batch) {
                    check(entry);
                }
            }
            return any;
        }

        private void check(LedgerEntry entry) {
            count++;
            if (broken == null) {
                reason = problemOf(entry, expected, previousHash);
                broken = reason == null ? null : expected;
            }
            expected++;
            previousHash = entry.hash();
            after = entry.sequence();
        }
    }

    private static String problemOf(LedgerEntry entry, long expected, String previousHash) {
        // Rows are read in ascending sequence order after the last one seen, so a sequence can only jump ahead.
        if (entry.sequence() != expected) {
            return "entry " + expected + " is missing (the next entry is " + entry.sequence() + ")";
        }
        if (!previousHash.equals(entry.previousHash())) {
            return "previousHash does not match the hash of entry " + (expected - 1)
                    + " (an entry was inserted, removed or moved here)";
        }
        if (!entry.computeHash().equals(entry.hash())) {
            return "hash does not match the entry's content (a field was changed)";
        }
        return null;
    }
}
