package io.glasswarden.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.glasswarden.testing.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Tampering as an attacker with superuser rights would do it: switch the immutability triggers off for the session
 * ({@code session_replication_role = replica}) and edit rows. The database cannot stop that; verify must notice it.
 * Every test puts the rows back, since the ledger is shared by the whole test run.
 */
@QuarkusTest
class LedgerTamperingTest {

    @Inject
    Ledger ledger;
    @Inject
    LedgerVerifier verifier;

    private long middle;

    @BeforeEach
    void appendThreeEntries() {
        for (int i = 0; i < 3; i++) {
            int n = i;
            long sequence = QuarkusTransaction.requiringNew()
                    .call(() -> ledger.append(new LedgerEvent("TEST_EVENT", null, "subject-" + n, "tester",
                            Map.of("n", n))));
            if (i == 1) {
                middle = sequence;
            }
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void changedFieldIsDetected() throws SQLException {
        superuser("update ledger_entries set actor = 'mallory' where sequence = " + middle);
        try {
            LedgerVerification result = verifier.verify();
            assertThat(result.valid()).isFalse();
            assertThat(result.firstInvalidEntry()).isEqualTo(middle);
            assertThat(result.reason()).contains("hash does not match");
        } finally {
            superuser("update ledger_entries set actor = 'tester' where sequence = " + middle);
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void changedDataIsDetected() throws SQLException {
        superuser("update ledger_entries set data = '{\"n\":7}' where sequence = " + middle);
        try {
            assertThat(verifier.verify().firstInvalidEntry()).isEqualTo(middle);
        } finally {
            superuser("update ledger_entries set data = '{\"n\":1}' where sequence = " + middle);
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"n\":1} ", "{\"n\":1}{\"x\":2}", "{\"n\":1}garbage", "{\"n\": 1}",
            "{\"n\":1,\"n\":1}", "{\"n\":1.0}", "{\"n\":\"\\u0031\"}"})
    void storedDataTextIsVerifiedByteForByte(String tampered) throws SQLException {
        // issue 9 item 9: the same value written differently, or with bytes appended, is not what was hashed
        superuser("update ledger_entries set data = '" + tampered.replace("'", "''") + "' where sequence = "
                + middle);
        try {
            LedgerVerification result = verifier.verify();
            assertThat(result.valid()).isFalse();
            assertThat(result.firstInvalidEntry()).isEqualTo(middle);
            assertThat(result.reason()).contains("hash does not match the entry's content");
        } finally {
            superuser("update ledger_entries set data = '{\"n\":1}' where sequence = " + middle);
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void lastEntryRewrittenWithARecomputedHashIsDetectedThroughTheChainHead() throws SQLException {
        long last = middle + 1;
        LedgerEntry original = entry(last);
        LedgerEntry forged = new LedgerEntry(original.sequence(), original.recordedAt(), original.type(),
                original.tenantId(), original.subjectId(), "mallory", original.data(), original.previousHash(), null);
        String forgedHash = forged.computeHash();
        superuser("update ledger_entries set actor = 'mallory', hash = '" + forgedHash + "' where sequence = "
                + last);
        try {
            LedgerVerification result = verifier.verify();
            assertThat(result.valid()).isFalse();
            assertThat(result.firstInvalidEntry()).isEqualTo(last);
            assertThat(result.reason()).contains("the chain head records entry " + last + " with hash "
                    + original.hash()).contains("hash " + forgedHash);
        } finally {
            superuser("update ledger_entries set actor = '" + original.actor() + "', hash = '" + original.hash()
                    + "' where sequence = " + last);
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void deletedRowIsDetected() throws SQLException {
        superuser("create table ledger_entries_deleted as select * from ledger_entries where sequence = " + middle,
                "delete from ledger_entries where sequence = " + middle);
        try {
            LedgerVerification result = verifier.verify();
            assertThat(result.valid()).isFalse();
            assertThat(result.firstInvalidEntry()).isEqualTo(middle);
            assertThat(result.reason()).contains("entry " + middle + " is missing");
        } finally {
            superuser("insert into ledger_entries select * from ledger_entries_deleted",
                    "drop table ledger_entries_deleted");
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void reorderedRowsAreDetected() throws SQLException {
        long next = middle + 1;
        swap(middle, next);
        try {
            LedgerVerification result = verifier.verify();
            assertThat(result.valid()).isFalse();
            assertThat(result.firstInvalidEntry()).isEqualTo(middle);
            assertThat(result.reason()).contains("previousHash");
        } finally {
            swap(middle, next);
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void insertedRowIsDetectedEvenWithAValidHashOfItsOwn() throws SQLException {
        String previousHash = hashOf(middle - 1);
        LedgerEntry forged = new LedgerEntry(middle, OffsetDateTime.now(ZoneOffset.UTC)
                .toInstant()
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS), "TEST_EVENT", null, "forged", "mallory",
                "{}", previousHash, null);
        String forgedHash = forged.computeHash();
        superuser("update ledger_entries set sequence = sequence + 1000000000 where sequence >= " + middle,
                "update ledger_entries set sequence = sequence - 999999999 where sequence >= 1000000000");
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement("insert into ledger_entries values"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            connection.createStatement().execute("set session_replication_role = replica");
            insert.setLong(1, middle);
            insert.setObject(2, OffsetDateTime.ofInstant(forged.recordedAt(), ZoneOffset.UTC));
            insert.setString(3, forged.type());
            insert.setString(4, null);
            insert.setString(5, forged.subjectId());
            insert.setString(6, forged.actor());
            insert.setString(7, forged.data());
            insert.setString(8, previousHash);
            insert.setString(9, forgedHash);
            insert.executeUpdate();
        }
        try {
            LedgerVerification result = verifier.verify();
            assertThat(result.valid()).isFalse();
            assertThat(result.firstInvalidEntry()).isEqualTo(middle + 1);
            assertThat(result.reason()).contains("previousHash");
        } finally {
            superuser("delete from ledger_entries where sequence = " + middle,
                    "update ledger_entries set sequence = sequence + 999999999 where sequence > " + middle,
                    "update ledger_entries set sequence = sequence - 1000000000 where sequence >= 1000000000");
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void entriesCutFromTheEndAreDetectedThroughTheChainHead() throws SQLException {
        long last = middle + 1;
        superuser("create table ledger_entries_cut as select * from ledger_entries where sequence = " + last,
                "delete from ledger_entries where sequence = " + last);
        try {
            LedgerVerification result = verifier.verify();
            assertThat(result.valid()).isFalse();
            assertThat(result.firstInvalidEntry()).isEqualTo(last);
            assertThat(result.reason()).contains("missing");
        } finally {
            superuser("insert into ledger_entries select * from ledger_entries_cut", "drop table ledger_entries_cut");
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    private void swap(long a, long b) throws SQLException {
        superuser("update ledger_entries set sequence = 2000000000 where sequence = " + a,
                "update ledger_entries set sequence = " + a + " where sequence = " + b,
                "update ledger_entries set sequence = " + b + " where sequence = 2000000000");
    }

    private static LedgerEntry entry(long sequence) throws SQLException {
        try (Connection connection = connect();
                var row = connection.createStatement()
                        .executeQuery("select sequence, recorded_at, type, tenant_id, subject_id, actor, data,"
                                + " previous_hash, hash from ledger_entries where sequence = " + sequence)) {
            row.next();
            return new LedgerEntry(row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant(),
                    row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                    row.getString(8), row.getString(9));
        }
    }

    private String hashOf(long sequence) throws SQLException {
        try (Connection connection = connect();
                var row = connection.createStatement()
                        .executeQuery("select hash from ledger_entries where sequence = " + sequence)) {
            row.next();
            return row.getString(1);
        }
    }

    /** Runs statements as a superuser who has switched the ledger's triggers off for the session. */
    static void superuser(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl());
    }
}
