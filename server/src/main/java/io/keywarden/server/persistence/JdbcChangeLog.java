package io.keywarden.server.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code changes} table: what other server nodes must hear about to drop cached state (a key created, switched
 * or deleted; a user's policies or all policies changed). Stores append in the transaction of the change itself, so
 * a committed change always has its entry; every node polls the entries after the last one it saw.
 */
@Singleton
public class JdbcChangeLog {
    /** What changed. */
    public enum Kind {
        /** An access key was created, changed status or was deleted; the subject is its ID. */
        ACCESS_KEY("key"),
        /** One user's effective policies changed; the subject is the user ID. */
        USER_POLICIES("user-policies"),
        /** One role's policies (inline or attached) changed, or the role was deleted; the subject is the role ID. */
        ROLE_POLICIES("role-policies"),
        /** Policies that may affect many users changed; the subject is a managed policy ARN (or {@code *}). */
        ALL_POLICIES("all-policies"),
        /** A console session was signed out (revoked until it expires); the subject is its {@code ASIA…} key ID. */
        SESSION_REVOKED("session-revoked");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.wireName.equals(s)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** One entry; {@code kind} is null for a kind this version does not know (a newer node wrote it). */
    public record Change(long seq, Kind kind, String subject, Instant time) {
    }

    private static final int MAX_SUBJECT = 256;

    private final JdbcOperations jdbc;
    private final Clock clock;

    public JdbcChangeLog(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends an entry on {@code conn}, inside the caller's transaction. */
    public void append(Connection conn, Kind kind, String subject) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO changes (kind, subject, change_time) VALUES (?, ?, ?)")) {
            ps.setString(1, kind.wireName());
            ps.setString(2, subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT));
            Sql.setInstant(ps, 3, clock.instant());
            ps.executeUpdate();
        }
    }

    /** Appends an entry in a transaction of its own (for changes made by stores that do not append themselves). */
    @Transactional
    public void publish(Kind kind, String subject) {
        jdbc.execute(conn -> {
            append(conn, kind, subject);
            return null;
        });
    }

    /** Entries after {@code afterSeq}, oldest first, at most {@code limit}. */
    @ReadOnly
    public List<Change> since(long afterSeq, int limit) {
        return jdbc.prepareStatement("SELECT seq, kind, subject, change_time FROM changes WHERE seq > ? ORDER BY seq"
                + " LIMIT ?", ps -> {
            ps.setLong(1, afterSeq);
            ps.setInt(2, limit);
            List<Change> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Change(rs.getLong("seq"), Kind.parse(rs.getString("kind")), rs.getString("subject"),
                            Sql.getInstant(rs, "change_time")));
                }
            }
            return out;
        });
    }

    /** The last entry's number (0 when there is none). */
    @ReadOnly
    public long lastSeq() {
        return jdbc.prepareStatement("SELECT MAX(seq) FROM changes", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Removes entries older than {@code before}; returns how many. */
    @Transactional
    public int pruneBefore(Instant before) {
        return jdbc.prepareStatement("DELETE FROM changes WHERE change_time < ?", ps -> {
            Sql.setInstant(ps, 1, before);
            return ps.executeUpdate();
        });
    }
}
