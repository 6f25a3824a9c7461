package io.keywarden.server.persistence;

import io.keywarden.core.port.ResealLedger;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;

/**
 * {@link ResealLedger} as the single row {@code master_key_reseal} (V10). Every write is one UPDATE whose WHERE
 * clause is the lease condition, so the database decides who holds the lease: no two nodes can both see one row
 * updated for themselves.
 */
@Singleton
public class JdbcResealLedger implements ResealLedger {
    private static final String ROW = "secrets";
    private final JdbcOperations jdbc;

    public JdbcResealLedger(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @ReadOnly
    public State read() {
        return jdbc.prepareStatement("SELECT target_version, lease_holder, lease_expires_at, cursor_key_id, resealed,"
                + " started_at, last_batch_at, finished_at, last_error FROM master_key_reseal WHERE id = ?", ps -> {
            ps.setString(1, ROW);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return State.EMPTY;
                }
                int target = rs.getInt("target_version");
                Integer targetVersion = rs.wasNull() ? null : target;
                return new State(targetVersion, rs.getString("lease_holder"), Sql.getInstant(rs, "lease_expires_at"),
                        rs.getString("cursor_key_id"), rs.getLong("resealed"), Sql.getInstant(rs, "started_at"),
                        Sql.getInstant(rs, "last_batch_at"), Sql.getInstant(rs, "finished_at"),
                        rs.getString("last_error"));
            }
        });
    }

    @Override
    @Transactional
    public boolean acquire(String holder, int targetVersion, Instant now, Instant expiresAt) {
        // a new target starts the progress over; the same target keeps cursor and count (a resumed run)
        return jdbc.prepareStatement("UPDATE master_key_reseal SET"
                + " cursor_key_id = CASE WHEN target_version = ? THEN cursor_key_id ELSE NULL END,"
                + " resealed = CASE WHEN target_version = ? THEN resealed ELSE 0 END,"
                + " started_at = CASE WHEN target_version = ? AND finished_at IS NULL AND started_at IS NOT NULL"
                + " THEN started_at ELSE ? END,"
                + " last_batch_at = CASE WHEN target_version = ? THEN last_batch_at ELSE NULL END,"
                + " last_error = CASE WHEN target_version = ? THEN last_error ELSE NULL END,"
                + " finished_at = NULL, target_version = ?, lease_holder = ?, lease_expires_at = ?"
                + " WHERE id = ? AND (lease_holder IS NULL OR lease_expires_at IS NULL OR lease_expires_at <= ?"
                + " OR lease_holder = ?)", ps -> {
            int i = 1;
            ps.setInt(i++, targetVersion);
            ps.setInt(i++, targetVersion);
            ps.setInt(i++, targetVersion);
            Sql.setInstant(ps, i++, now);
            ps.setInt(i++, targetVersion);
            ps.setInt(i++, targetVersion);
            ps.setInt(i++, targetVersion);
            ps.setString(i++, holder);
            Sql.setInstant(ps, i++, expiresAt);
            ps.setString(i++, ROW);
            Sql.setInstant(ps, i++, now);
            ps.setString(i, holder);
            return ps.executeUpdate() == 1;
        });
    }

    @Override
    @Transactional
    public boolean progress(String holder, String cursor, long resealedDelta, Instant now, Instant expiresAt) {
        return jdbc.prepareStatement("UPDATE master_key_reseal SET cursor_key_id = ?, resealed = resealed + ?,"
                + " last_batch_at = ?, lease_expires_at = ?, last_error = NULL WHERE id = ? AND lease_holder = ?", ps -> {
            ps.setString(1, cursor);
            ps.setLong(2, resealedDelta);
            Sql.setInstant(ps, 3, now);
            Sql.setInstant(ps, 4, expiresAt);
            ps.setString(5, ROW);
            ps.setString(6, holder);
            return ps.executeUpdate() == 1;
        });
    }

    @Override
    @Transactional
    public void finish(String holder, Instant now) {
        jdbc.prepareStatement("UPDATE master_key_reseal SET finished_at = ?, cursor_key_id = NULL, lease_holder = NULL,"
                + " lease_expires_at = NULL, last_error = NULL WHERE id = ? AND lease_holder = ?", ps -> {
            Sql.setInstant(ps, 1, now);
            ps.setString(2, ROW);
            ps.setString(3, holder);
            return ps.executeUpdate();
        });
    }

    @Override
    @Transactional
    public void release(String holder, String error) {
        jdbc.prepareStatement("UPDATE master_key_reseal SET lease_holder = NULL, lease_expires_at = NULL,"
                + " last_error = ? WHERE id = ? AND lease_holder = ?", ps -> {
            ps.setString(1, error == null ? null : error.length() <= 1000 ? error : error.substring(0, 1000));
            ps.setString(2, ROW);
            ps.setString(3, holder);
            return ps.executeUpdate();
        });
    }
}
