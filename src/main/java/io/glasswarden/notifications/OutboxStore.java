package io.glasswarden.notifications;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/** The outbox table, in SQL: PostgreSQL's {@code ON CONFLICT} and {@code SKIP LOCKED} do the hard parts. */
@ApplicationScoped
class OutboxStore {

    private final EntityManager em;

    OutboxStore(EntityManager em) {
        this.em = em;
    }

    /** Queues the message in the caller's transaction; false (and nothing queued) if its deduplication key exists. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean enqueue(OutboxMessage message, Instant now) {
        return work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into outbox_messages (id, kind,"
                    + " destination, subscription_id, payload, deduplication_key, status, attempts, next_attempt_at,"
                    + " created_at) values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)"
                    + " on conflict (deduplication_key) do nothing")) {
                insert.setObject(1, message.id());
                insert.setString(2, message.kind());
                insert.setString(3, message.destination());
                insert.setObject(4, message.subscriptionId(), Types.OTHER);
                insert.setString(5, message.payload());
                insert.setString(6, message.deduplicationKey());
                insert.setObject(7, utc(now));
                insert.setObject(8, utc(now));
                return insert.executeUpdate() == 1;
            }
        });
    }

    /**
     * Locks the oldest due message for the rest of the caller's transaction. {@code SKIP LOCKED} makes other
     * dispatchers (threads or instances) pass over it, so a message is sent by one of them only.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<OutboxMessage> claimNext(Instant now) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select id, kind, destination,"
                    + " subscription_id, payload, deduplication_key, attempts from outbox_messages"
                    + " where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at, created_at"
                    + " limit 1 for update skip locked")) {
                select.setObject(1, utc(now));
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new OutboxMessage(row.getObject(1, UUID.class), row.getString(2),
                                    row.getString(3), row.getObject(4, UUID.class), row.getString(5),
                                    row.getString(6), row.getInt(7)))
                            : Optional.empty();
                }
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void markSent(UUID id, int attempts, Instant now) {
        update("update outbox_messages set status = 'SENT', attempts = ?, sent_at = ?, last_error = null"
                + " where id = ?", attempts, utc(now), id);
    }

    /** Records a failed attempt: the message is retried at {@code nextAttempt}, or dead when that is null. */
    @Transactional(Transactional.TxType.MANDATORY)
    void markFailed(UUID id, int attempts, Instant nextAttempt, String error) {
        String message = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
        if (nextAttempt == null) {
            update("update outbox_messages set status = 'DEAD', attempts = ?, last_error = ? where id = ?", attempts,
                    message, id);
        } else {
            update("update outbox_messages set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?",
                    attempts, utc(nextAttempt), message, id);
        }
    }

    private void update(String sql, Object... parameters) {
        work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    private <T> T work(SqlWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::apply);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A piece of JDBC work on the transaction's connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
