package io.glasswarden.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class DatabaseRefusalsTest {

    @Test
    void aDuplicateKeyDeepInTheCauseChainIsAConcurrentWrite() {
        Exception atCommit = new IllegalStateException(new PersistenceException(new SQLException("duplicate key",
                "23505")));

        assertThat(DatabaseRefusals.concurrentWrite(atCommit)).isTrue();
        assertThat(DatabaseRefusals.poolExhausted(atCommit)).isFalse();
    }

    @Test
    void serializationFailuresAndDeadlocksAreConcurrentWritesAndOtherStatesAreNot() {
        assertThat(DatabaseRefusals.concurrentWrite(new SQLException("x", "40001"))).isTrue();
        assertThat(DatabaseRefusals.concurrentWrite(new SQLException("x", "40P01"))).isTrue();
        assertThat(DatabaseRefusals.concurrentWrite(new SQLException("x", "23514"))).isFalse();
    }

    // Agroal's acquisition timeout has no SQLState: it was a NullPointerException in the mapper (seen in ApiBenchmark).
    @Test
    void anExhaustedPoolIsNoConcurrentWriteButAnOverload() {
        Exception noConnection = new PersistenceException("Unable to acquire JDBC Connection", new SQLException(
                "Sorry, acquisition timeout!"));

        assertThat(DatabaseRefusals.concurrentWrite(noConnection)).isFalse();
        assertThat(DatabaseRefusals.poolExhausted(noConnection)).isTrue();
    }

    @Test
    void aCircularCauseChainEnds() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);

        assertThat(DatabaseRefusals.concurrentWrite(a)).isFalse();
        assertThat(DatabaseRefusals.poolExhausted(a)).isFalse();
    }
}
