package io.glasswarden.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ledger in PostgreSQL. Every append locks the single chain-head row ({@code SELECT ... FOR UPDATE}) until the
 * caller's transaction ends, so appends from all instances are serialized: sequence numbers have no gaps and the
 * chain never forks. If the change rolls back, its entry and the head move roll back with it.
 */
@ApplicationScoped
public class HashChainLedger implements Ledger {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;

    HashChainLedger(EntityManager em, ObjectMapper mapper, Clock clock) {
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(LedgerEvent event) {
        if (event.type() == null || event.type().isBlank() || event.actor() == null) {
            throw new IllegalArgumentException("A ledger event needs a type and an actor");
        }
        String data = CanonicalJson.write(mapper.valueToTree(event.data() == null ? Map.of() : event.data()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // the caller's pending changes first: the chain head, locked below until the commit, serialises every append
        // of every instance, so nothing else of this transaction should run while it is held
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> append(connection, event, data, now));
    }

    private static long append(Connection connection, LedgerEvent event, String data, Instant now)
            throws SQLException {
        long previousSequence;
        String previousHash;
        try (PreparedStatement head = connection
                .prepareStatement("select sequence, hash from ledger_head where id = 1 for update");
                ResultSet row = head.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("The ledger head row is missing (see V5__ledger.sql)");
            }
            previousSequence = row.getLong(1);
            previousHash = row.getString(2);
        }
        LedgerEntry entry = new LedgerEntry(previousSequence + 1, now, event.type(), event.tenantId(),
                event.subjectId(), event.actor(), data, previousHash, null);
        String hash = entry.computeHash();
        try (PreparedStatement insert = connection.prepareStatement("insert into ledger_entries (sequence,"
                + " recorded_at, type, tenant_id, subject_id, actor, data, previous_hash, hash)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, entry.sequence());
            insert.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setString(3, entry.type());
            insert.setString(4, entry.tenantId());
            insert.setString(5, entry.subjectId());
            insert.setString(6, entry.actor());
            insert.setString(7, data);
            insert.setString(8, previousHash);
            insert.setString(9, hash);
            insert.executeUpdate();
        }
        try (PreparedStatement move = connection.prepareStatement("update ledger_head set sequence = ?, hash = ?"
                + " where id = 1")) {
            move.setLong(1, entry.sequence());
            move.setString(2, hash);
            move.executeUpdate();
        }
        return entry.sequence();
    }
}
