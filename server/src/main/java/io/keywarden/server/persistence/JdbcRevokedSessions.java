package io.keywarden.server.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code revoked_sessions} table (V15): console sessions signed out before they expire. A revocation and its
 * change-log entry are written in one transaction, so every node hears of every committed one.
 */
@Singleton
public class JdbcRevokedSessions {
    private final JdbcOperations jdbc;
    private final JdbcChangeLog changes;
    private final Clock clock;

    public JdbcRevokedSessions(JdbcOperations jdbc, JdbcChangeLog changes, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.clock = clock;
    }

    /** Records the revocation of {@code accessKeyId} until {@code expiresAt} (again: no change). */
    @Transactional
    public void revoke(String accessKeyId, Instant expiresAt) {
        jdbc.execute(conn -> {
            boolean known;
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT 1 FROM revoked_sessions WHERE access_key_id = ?")) {
                ps.setString(1, accessKeyId);
                try (ResultSet rs = ps.executeQuery()) {
                    known = rs.next();
                }
            }
            if (!known) {
                try (PreparedStatement ps = conn.prepareStatement(
                        "INSERT INTO revoked_sessions (access_key_id, expires_at, revoked_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, accessKeyId);
                    Sql.setInstant(ps, 2, expiresAt);
                    Sql.setInstant(ps, 3, clock.instant());
                    ps.executeUpdate();
                }
                changes.append(conn, JdbcChangeLog.Kind.SESSION_REVOKED, accessKeyId);
            }
            return null;
        });
    }

    /** The revocations of sessions that have not expired at {@code now}: key ID to expiry. */
    @ReadOnly
    public Map<String, Instant> unexpired(Instant now) {
        return jdbc.prepareStatement("SELECT access_key_id, expires_at FROM revoked_sessions WHERE expires_at >= ?",
                ps -> {
                    Sql.setInstant(ps, 1, now);
                    Map<String, Instant> out = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), Sql.getInstant(rs, "expires_at"));
                        }
                    }
                    return out;
                });
    }

    /** When the revoked session {@code accessKeyId} expires, if it was revoked. */
    @ReadOnly
    public Optional<Instant> expiryOf(String accessKeyId) {
        return jdbc.prepareStatement("SELECT expires_at FROM revoked_sessions WHERE access_key_id = ?", ps -> {
            ps.setString(1, accessKeyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Sql.getInstant(rs, "expires_at")) : Optional.<Instant>empty();
            }
        });
    }

    /** Removes the revocations of sessions expired before {@code before}; returns how many. */
    @Transactional
    public int pruneBefore(Instant before) {
        return jdbc.prepareStatement("DELETE FROM revoked_sessions WHERE expires_at < ?", ps -> {
            Sql.setInstant(ps, 1, before);
            return ps.executeUpdate();
        });
    }
}
