package io.glasswarden.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The verifier's walk along the chain, without a database: the rows and the recorded head come from a fake
 * {@link LedgerEntries}. LedgerTamperingTest does the same against PostgreSQL with the triggers switched off.
 */
class LedgerVerifierTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00.123456Z");

    @Test
    void anIntactChainIsValidAndReportsItsHead() {
        FakeEntries ledger = FakeEntries.chain(3);

        LedgerVerification result = verify(ledger);

        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).isEqualTo(3);
        assertThat(result.head()).isEqualTo("sha256:" + ledger.rows.get(2).hash());
        assertThat(result.firstInvalidEntry()).isNull();
        assertThat(result.reason()).isNull();
    }

    @Test
    void anEmptyLedgerIsValidWithTheGenesisHead() {
        LedgerVerification result = verify(new FakeEntries(new ArrayList<>(), new ChainLink(0, null,
                LedgerEntry.GENESIS_HASH)));

        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).isZero();
        assertThat(result.head()).isEqualTo("sha256:" + LedgerEntry.GENESIS_HASH);
    }

    @Test
    void aChangedFieldBreaksTheChainAtThatEntry() {
        FakeEntries ledger = FakeEntries.chain(3);
        ledger.replace(2, e -> new LedgerEntry(e.sequence(), e.recordedAt(), e.type(), e.tenantId(), e.subjectId(),
                "mallory", e.data(), e.previousHash(), e.hash()));

        LedgerVerification result = verify(ledger);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidEntry()).isEqualTo(2);
        assertThat(result.reason()).isEqualTo("hash does not match the entry's content (a field was changed)");
        assertThat(result.entries()).isEqualTo(3);
    }

    @Test
    void bytesAppendedToTheStoredDataBreakTheChain() {
        FakeEntries ledger = FakeEntries.chain(3);
        ledger.replace(2, e -> new LedgerEntry(e.sequence(), e.recordedAt(), e.type(), e.tenantId(), e.subjectId(),
                e.actor(), e.data() + " ", e.previousHash(), e.hash()));

        assertThat(verify(ledger).firstInvalidEntry()).isEqualTo(2);
    }

    @Test
    void onlyTheFirstBreakIsReported() {
        FakeEntries ledger = FakeEntries.chain(3);
        for (long sequence : new long[]{2, 3}) {
            ledger.replace(sequence, e -> new LedgerEntry(e.sequence(), e.recordedAt(), e.type(), e.tenantId(),
                    e.subjectId(), "mallory", e.data(), e.previousHash(), e.hash()));
        }

        LedgerVerification result = verify(ledger);

        assertThat(result.firstInvalidEntry()).isEqualTo(2);
        assertThat(result.entries()).isEqualTo(3);
    }

    @Test
    void aDeletedEntryIsNamed() {
        FakeEntries ledger = FakeEntries.chain(4);
        ledger.rows.remove(1);

        LedgerVerification result = verify(ledger);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidEntry()).isEqualTo(2);
        assertThat(result.reason()).isEqualTo("entry 2 is missing (the next entry is 3)");
    }

    @Test
    void anEntryWithAValidHashOfItsOwnButAnotherPredecessorIsFound() {
        FakeEntries ledger = FakeEntries.chain(3);
        LedgerEntry forged = FakeEntries.sealed(new LedgerEntry(2, T0, "TEST_EVENT", null, "forged", "mallory", "{}",
                "f".repeat(64), null));
        ledger.replace(2, e -> forged);

        LedgerVerification result = verify(ledger);

        assertThat(result.firstInvalidEntry()).isEqualTo(2);
        assertThat(result.reason()).startsWith("previousHash does not match the hash of entry 1");
    }

    @Test
    void entriesCutFromTheEndAreFoundThroughTheRecordedHead() {
        FakeEntries ledger = FakeEntries.chain(4);
        ledger.rows.remove(3);
        ledger.rows.remove(2);

        LedgerVerification result = verify(ledger);

        assertThat(result.valid()).isFalse();
        assertThat(result.entries()).isEqualTo(2);
        assertThat(result.firstInvalidEntry()).isEqualTo(3);
        assertThat(result.reason()).isEqualTo("entries 3 to 4 are missing: the chain head records 4 entries");
    }

    @Test
    void theLastEntryRewrittenWithARecomputedHashIsFoundThroughTheRecordedHead() {
        FakeEntries ledger = FakeEntries.chain(3);
        String original = ledger.rows.get(2).hash();
        ledger.replace(3, e -> FakeEntries.sealed(new LedgerEntry(e.sequence(), e.recordedAt(), e.type(),
                e.tenantId(), e.subjectId(), "mallory", e.data(), e.previousHash(), null)));
        String forged = ledger.rows.get(2).hash();

        LedgerVerification result = verify(ledger);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidEntry()).isEqualTo(3);
        assertThat(result.reason()).isEqualTo("the chain head records entry 3 with hash " + original
                + ", but the last entry is 3 with hash " + forged);
        assertThat(result.head()).isEqualTo("sha256:" + forged);
    }

    @Test
    void anEntryBeyondTheRecordedHeadIsFound() {
        FakeEntries ledger = FakeEntries.chain(3);
        ledger.head = new ChainLink(2, null, ledger.rows.get(1).hash());

        LedgerVerification result = verify(ledger);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidEntry()).isEqualTo(3);
        assertThat(result.reason()).startsWith("the chain head records entry 2 with hash ");
    }

    @Test
    void entriesAppendedWhileVerifyingAreReadToo() {
        FakeEntries ledger = FakeEntries.chain(2);
        ledger.onFirstHeadRead = () -> ledger.append(2);

        LedgerVerification result = verify(ledger);

        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).isEqualTo(4);
        assertThat(result.head()).isEqualTo("sha256:" + ledger.rows.get(3).hash());
    }

    @Test
    void aChainLongerThanOneBatchIsReadInFull() {
        FakeEntries ledger = FakeEntries.chain(LedgerVerifier.BATCH_SIZE + 2);
        ledger.replace(LedgerVerifier.BATCH_SIZE + 1, e -> new LedgerEntry(e.sequence(), e.recordedAt(), e.type(),
                e.tenantId(), e.subjectId(), "mallory", e.data(), e.previousHash(), e.hash()));

        LedgerVerification result = verify(ledger);

        assertThat(result.entries()).isEqualTo(LedgerVerifier.BATCH_SIZE + 2);
        assertThat(result.firstInvalidEntry()).isEqualTo(LedgerVerifier.BATCH_SIZE + 1);
        assertThat(ledger.largestBatch).isEqualTo(LedgerVerifier.BATCH_SIZE);
    }

    private static LedgerVerification verify(FakeEntries ledger) {
        return new LedgerVerifier(ledger).verify();
    }

    /** Rows in sequence order and a recorded head, as PostgreSQL would return them. */
    static final class FakeEntries extends LedgerEntries {
        final List<LedgerEntry> rows;
        ChainLink head;
        Runnable onFirstHeadRead;
        int largestBatch;
        private int reads;

        FakeEntries(List<LedgerEntry> rows, ChainLink head) {
            super(null);
            this.rows = rows;
            this.head = head;
        }

        /** A valid chain of {@code n} entries with its head. */
        static FakeEntries chain(int n) {
            FakeEntries ledger = new FakeEntries(new ArrayList<>(), new ChainLink(0, null, LedgerEntry.GENESIS_HASH));
            ledger.append(n);
            return ledger;
        }

        static LedgerEntry sealed(LedgerEntry entry) {
            return new LedgerEntry(entry.sequence(), entry.recordedAt(), entry.type(), entry.tenantId(),
                    entry.subjectId(), entry.actor(), entry.data(), entry.previousHash(), entry.computeHash());
        }

        void append(int n) {
            for (int i = 0; i < n; i++) {
                long sequence = head.sequence() + 1;
                LedgerEntry entry = sealed(new LedgerEntry(sequence, T0.plusSeconds(sequence), "TEST_EVENT", null,
                        "subject-" + sequence, "tester", "{\"n\":" + sequence + "}", head.hash(), null));
                rows.add(entry);
                head = new ChainLink(sequence, null, entry.hash());
            }
        }

        void replace(long sequence, java.util.function.UnaryOperator<LedgerEntry> change) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).sequence() == sequence) {
                    rows.set(i, change.apply(rows.get(i)));
                }
            }
        }

        @Override
        public List<LedgerEntry> batch(long afterSequence, int limit, String tenantId) {
            calls();
            List<LedgerEntry> batch = rows.stream()
                    .filter(e -> e.sequence() > afterSequence)
                    .sorted(Comparator.comparingLong(LedgerEntry::sequence))
                    .limit(limit)
                    .toList();
            largestBatch = Math.max(largestBatch, batch.size());
            return batch;
        }

        /** A walk that never ends is a defect: fail fast rather than hang (also keeps mutation testing quick). */
        private void calls() {
            if (++reads > rows.size() + 100) {
                throw new AssertionError("the verifier keeps reading: " + reads + " reads of " + rows.size()
                        + " rows");
            }
        }

        @Override
        public ChainLink head() {
            calls();
            if (onFirstHeadRead != null) {
                // an append that committed after the walk had read the rows, before the head was read
                Runnable once = onFirstHeadRead;
                onFirstHeadRead = null;
                once.run();
            }
            return head;
        }
    }
}
