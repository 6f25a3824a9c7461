package io.keywarden.server.persistence;

import io.keywarden.core.audit.AuditCheckpoint;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.port.AuditArchiveStore;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditArchiveStore} over JDBC: the segment ranges of {@code audit_segments}, the signed checkpoint of
 * {@code audit_checkpoints} (V11), pruning in one transaction with the checkpoint's move, and the lease of
 * {@code audit_retention_lease} (through {@link JdbcLeaseStore}, shared with the key expiry scheduler).
 */
@Singleton
public class JdbcAuditArchiveStore implements AuditArchiveStore {
    private final JdbcLeaseStore leases;
    private final JdbcOperations jdbc;

    public JdbcAuditArchiveStore(JdbcOperations jdbc, JdbcLeaseStore leases) {
        this.leases = leases;
        this.jdbc = jdbc;
    }

    @Override
    @ReadOnly
    public List<SegmentRange> segmentsAfter(AccountId account, long afterSeq, int limit) {
        return jdbc.prepareStatement("SELECT first_seq, last_seq, max_time FROM audit_segments WHERE account_id = ?"
                + " AND first_seq > ? ORDER BY account_id, first_seq LIMIT " + Math.max(1, limit), ps -> {
            ps.setString(1, account.value());
            ps.setLong(2, afterSeq);
            List<SegmentRange> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SegmentRange(rs.getLong("first_seq"), rs.getLong("last_seq"),
                            Sql.getInstant(rs, "max_time")));
                }
            }
            return out;
        });
    }

    @Override
    @ReadOnly
    public Optional<AuditCheckpoint> checkpoint(AccountId account) {
        return selectCheckpoint(jdbc, account);
    }

    static Optional<AuditCheckpoint> selectCheckpoint(JdbcOperations jdbc, AccountId account) {
        return jdbc.prepareStatement("SELECT account_id, last_seq, last_hash, last_event_time, archive, created_at,"
                + " key_version, signature FROM audit_checkpoints WHERE account_id = ?", ps -> {
            ps.setString(1, account.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new AuditCheckpoint(rs.getString("account_id"), rs.getLong("last_seq"),
                        rs.getString("last_hash"), Sql.getInstant(rs, "last_event_time"), rs.getString("archive"),
                        Sql.getInstant(rs, "created_at"), rs.getInt("key_version"), rs.getString("signature")));
            }
        });
    }

    @Override
    @Transactional
    public void prune(AccountId account, AuditCheckpoint previous, AuditCheckpoint next) {
        if (!next.accountId().equals(account.value())) {
            throw new IllegalArgumentException("checkpoint of account " + next.accountId() + " for " + account);
        }
        jdbc.execute(conn -> {
            int moved;
            if (previous == null) {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO audit_checkpoints (account_id,"
                        + " last_seq, last_hash, last_event_time, archive, created_at, key_version, signature)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, account.value());
                    ps.setLong(2, next.lastSeq());
                    ps.setString(3, next.lastHash());
                    Sql.setInstant(ps, 4, next.lastEventTime());
                    ps.setString(5, next.archive());
                    Sql.setInstant(ps, 6, next.createdAt());
                    ps.setInt(7, next.keyVersion());
                    ps.setString(8, next.signature());
                    moved = ps.executeUpdate(); // a concurrent first checkpoint fails on the primary key
                }
            } else {
                try (PreparedStatement ps = conn.prepareStatement("UPDATE audit_checkpoints SET last_seq = ?,"
                        + " last_hash = ?, last_event_time = ?, archive = ?, created_at = ?, key_version = ?,"
                        + " signature = ? WHERE account_id = ? AND last_seq = ? AND last_hash = ?")) {
                    ps.setLong(1, next.lastSeq());
                    ps.setString(2, next.lastHash());
                    Sql.setInstant(ps, 3, next.lastEventTime());
                    ps.setString(4, next.archive());
                    Sql.setInstant(ps, 5, next.createdAt());
                    ps.setInt(6, next.keyVersion());
                    ps.setString(7, next.signature());
                    ps.setString(8, account.value());
                    ps.setLong(9, previous.lastSeq());
                    ps.setString(10, previous.lastHash());
                    moved = ps.executeUpdate();
                }
            }
            if (moved != 1) {
                throw new IllegalStateException("the audit checkpoint moved meanwhile: another node archived");
            }
            for (String table : List.of("audit_segment_terms", "audit_segment_events", "audit_segments")) {
                try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + table
                        + " WHERE account_id = ? AND first_seq <= ?")) {
                    ps.setString(1, account.value());
                    ps.setLong(2, next.lastSeq());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public boolean tryLease(String name, String holder, Instant now, Duration ttl) {
        return leases.tryLease(name, holder, now, ttl);
    }

    @Override
    public void releaseLease(String name, String holder) {
        leases.releaseLease(name, holder);
    }
}
