package io.glasswarden.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;

/**
 * Reads the ledger with plain SQL, in batches by sequence (keyset paging), so that verifying or exporting a large
 * ledger never holds it all in memory. Read-only: appends go through {@link HashChainLedger}.
 */
@ApplicationScoped
public class LedgerEntries {

    private static final String COLUMNS = "sequence, recorded_at, type, tenant_id, subject_id, actor, data,"
            + " previous_hash, hash";

    private final DataSource dataSource;

    LedgerEntries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} entries after {@code afterSequence}, in sequence order; {@code tenantId} null for all. */
    public List<LedgerEntry> batch(long afterSequence, int limit, String tenantId) {
        String sql = "select " + COLUMNS + " from ledger_entries where sequence > ?"
                + (tenantId == null ? "" : " and tenant_id = ?") + " order by sequence limit ?";
        return query(sql, afterSequence, tenantId, limit);
    }

    /** A page of entries, newest first, optionally of one tenant. */
    public Page<LedgerEntry> page(String tenantId, PageRequest page) {
        String where = tenantId == null ? "" : " where tenant_id = ?";
        List<LedgerEntry> items = query("select " + COLUMNS + " from ledger_entries" + where
                + " order by sequence desc limit ? offset ?", tenantId, page.size(), (long) page.page() * page.size());
        long total = count("select count(*) from ledger_entries" + where, tenantId);
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The chain head as recorded by the last append: sequence and hash (sequence 0 and the genesis hash if empty). */
    public ChainLink head() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select sequence, hash from ledger_head where id = 1");
                ResultSet row = statement.executeQuery()) {
            return row.next()
                    ? new ChainLink(row.getLong(1), null, row.getString(2))
                    : new ChainLink(0, null, LedgerEntry.GENESIS_HASH);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the ledger head", e);
        }
    }

    /** Up to {@code limit} links (sequence, previous hash, hash) after {@code afterSequence}, in sequence order. */
    public List<ChainLink> links(long afterSequence, long upToSequence, int limit) {
        List<ChainLink> links = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select sequence, previous_hash, hash"
                        + " from ledger_entries where sequence > ? and sequence <= ? order by sequence limit ?")) {
            statement.setLong(1, afterSequence);
            statement.setLong(2, upToSequence);
            statement.setInt(3, limit);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    links.add(new ChainLink(row.getLong(1), row.getString(2), row.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the ledger", e);
        }
        return links;
    }

    private List<LedgerEntry> query(String sql, Object... parameters) {
        List<LedgerEntry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                entries.add(new LedgerEntry(row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant(),
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                        row.getString(8), row.getString(9)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the ledger", e);
        }
        return entries;
    }

    private long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the ledger", e);
        }
    }

    /** Binds the parameters in order, skipping nulls (an absent optional filter has no placeholder). */
    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        int index = 1;
        for (Object parameter : parameters) {
            if (parameter != null) {
                statement.setObject(index++, parameter);
            }
        }
        return statement;
    }
}
