package io.keywarden.server.persistence;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.password.LoginProfile;
import io.keywarden.core.port.LoginProfileStore;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link LoginProfileStore} over JDBC (H2 or PostgreSQL). The primary key decides a race of two creates; the history and
 * the failures go with their profile ({@code ON DELETE CASCADE}); a failure is counted with one {@code UPDATE ... SET
 * failures = failures + 1}, so concurrent failures on several nodes are all counted.
 */
@Singleton
public class JdbcLoginProfileStore implements LoginProfileStore {
    private static final String COLUMNS = "account_id, owner_id, user_name, password_hash, create_date,"
            + " password_last_changed, password_reset_required, password_last_used";

    private final JdbcOperations jdbc;

    public JdbcLoginProfileStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @ReadOnly
    public Optional<LoginProfile> find(AccountId account, String ownerId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM login_profiles WHERE account_id = ? AND owner_id = ?",
                ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, ownerId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                    }
                });
    }

    @Override
    @ReadOnly
    public Map<String, LoginProfile> findAll(AccountId account, Collection<String> ownerIds) {
        Map<String, LoginProfile> out = new HashMap<>();
        List<String> ids = List.copyOf(ownerIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.prepareStatement("SELECT " + COLUMNS + " FROM login_profiles WHERE account_id = ? AND owner_id IN ("
                    + marks + ")", ps -> {
                ps.setString(1, account.value());
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LoginProfile p = read(rs);
                        out.put(p.ownerId(), p);
                    }
                }
                return null;
            });
        }
        return out;
    }

    @Override
    @Transactional
    public boolean insert(LoginProfile p) {
        return jdbc.execute(conn -> {
            boolean inserted = Sql.inSavepoint(conn, () -> {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO login_profiles (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, p.accountId().value());
                    ps.setString(2, p.ownerId());
                    ps.setString(3, p.userName());
                    ps.setString(4, p.passwordHash());
                    Sql.setInstant(ps, 5, p.createDate());
                    Sql.setInstant(ps, 6, p.passwordLastChanged());
                    ps.setBoolean(7, p.passwordResetRequired());
                    Sql.setInstant(ps, 8, p.passwordLastUsed());
                    ps.executeUpdate();
                    return true;
                }
            }, Sql.when(Sql::isUniqueViolation, false));
            if (inserted) {
                remember(conn, p);
            }
            return inserted;
        });
    }

    @Override
    @Transactional
    public boolean update(LoginProfile p, boolean newHash) {
        return jdbc.execute(conn -> {
            int n;
            try (PreparedStatement ps = conn.prepareStatement("UPDATE login_profiles SET password_hash = ?,"
                    + " password_last_changed = ?, password_reset_required = ? WHERE account_id = ? AND owner_id = ?")) {
                ps.setString(1, p.passwordHash());
                Sql.setInstant(ps, 2, p.passwordLastChanged());
                ps.setBoolean(3, p.passwordResetRequired());
                ps.setString(4, p.accountId().value());
                ps.setString(5, p.ownerId());
                n = ps.executeUpdate();
            }
            if (n > 0 && newHash) {
                remember(conn, p);
            }
            return n > 0;
        });
    }

    /** Adds the profile's hash to its history and keeps the newest {@link #HISTORY}. */
    private static void remember(Connection conn, LoginProfile p) throws SQLException {
        long next;
        try (PreparedStatement ps = conn.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM password_history"
                + " WHERE account_id = ? AND owner_id = ?")) {
            ps.setString(1, p.accountId().value());
            ps.setString(2, p.ownerId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                next = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO password_history (account_id, owner_id, seq,"
                + " password_hash, set_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, p.accountId().value());
            ps.setString(2, p.ownerId());
            ps.setLong(3, next);
            ps.setString(4, p.passwordHash());
            Sql.setInstant(ps, 5, p.passwordLastChanged());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM password_history WHERE account_id = ?"
                + " AND owner_id = ? AND seq <= ?")) {
            ps.setString(1, p.accountId().value());
            ps.setString(2, p.ownerId());
            ps.setLong(3, next - HISTORY);
            ps.executeUpdate();
        }
    }

    @Override
    @Transactional
    public boolean delete(AccountId account, String ownerId) {
        return jdbc.prepareStatement("DELETE FROM login_profiles WHERE account_id = ? AND owner_id = ?", ps -> {
            ps.setString(1, account.value());
            ps.setString(2, ownerId);
            return ps.executeUpdate() > 0;
        });
    }

    @Override
    @ReadOnly
    public List<String> recentHashes(AccountId account, String ownerId, int count) {
        return jdbc.prepareStatement("SELECT password_hash FROM password_history WHERE account_id = ? AND owner_id = ?"
                + " ORDER BY seq DESC LIMIT " + Math.max(1, Math.min(count, HISTORY)), ps -> {
            ps.setString(1, account.value());
            ps.setString(2, ownerId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Override
    @Transactional
    public void signedIn(AccountId account, String ownerId, Instant at) {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE login_profiles SET password_last_used = ?"
                    + " WHERE account_id = ? AND owner_id = ?")) {
                Sql.setInstant(ps, 1, at);
                ps.setString(2, account.value());
                ps.setString(3, ownerId);
                ps.executeUpdate();
            }
            clear(conn, account, ownerId);
            return null;
        });
    }

    @Override
    @ReadOnly
    public Failures failures(AccountId account, String ownerId) {
        return jdbc.prepareStatement("SELECT failures, locked_until FROM sign_in_failures WHERE account_id = ?"
                + " AND owner_id = ?", ps -> {
            ps.setString(1, account.value());
            ps.setString(2, ownerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Failures(rs.getInt(1), Sql.getInstant(rs, "locked_until")) : Failures.NONE;
            }
        });
    }

    @Override
    @Transactional
    public Failures addFailure(AccountId account, String ownerId, int lockAfter, Instant lockUntil) {
        return jdbc.execute(conn -> {
            if (increment(conn, account, ownerId) == 0) {
                boolean inserted = Sql.inSavepoint(conn, () -> {
                    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO sign_in_failures (account_id,"
                            + " owner_id, failures, locked_until) VALUES (?, ?, 1, NULL)")) {
                        ps.setString(1, account.value());
                        ps.setString(2, ownerId);
                        ps.executeUpdate();
                        return true;
                    }
                }, e -> {
                    if (Sql.isUniqueViolation(e) || Sql.isForeignKeyViolation(e)) {
                        return false;
                    }
                    throw e;
                });
                if (!inserted && increment(conn, account, ownerId) == 0) {
                    return Failures.NONE; // the profile is gone
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("UPDATE sign_in_failures SET failures = 0,"
                    + " locked_until = ? WHERE account_id = ? AND owner_id = ? AND failures >= ?")) {
                Sql.setInstant(ps, 1, lockUntil);
                ps.setString(2, account.value());
                ps.setString(3, ownerId);
                ps.setInt(4, lockAfter);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT failures, locked_until FROM sign_in_failures"
                    + " WHERE account_id = ? AND owner_id = ?")) {
                ps.setString(1, account.value());
                ps.setString(2, ownerId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Failures(rs.getInt(1), Sql.getInstant(rs, "locked_until")) : Failures.NONE;
                }
            }
        });
    }

    private static int increment(Connection conn, AccountId account, String ownerId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE sign_in_failures SET failures = failures + 1"
                + " WHERE account_id = ? AND owner_id = ?")) {
            ps.setString(1, account.value());
            ps.setString(2, ownerId);
            return ps.executeUpdate();
        }
    }

    @Override
    @Transactional
    public void clearFailures(AccountId account, String ownerId) {
        jdbc.execute(conn -> {
            clear(conn, account, ownerId);
            return null;
        });
    }

    private static void clear(Connection conn, AccountId account, String ownerId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM sign_in_failures WHERE account_id = ?"
                + " AND owner_id = ?")) {
            ps.setString(1, account.value());
            ps.setString(2, ownerId);
            ps.executeUpdate();
        }
    }

    private static LoginProfile read(ResultSet rs) throws SQLException {
        return new LoginProfile(AccountId.of(rs.getString("account_id")), rs.getString("owner_id"),
                rs.getString("user_name"), rs.getString("password_hash"), Sql.getInstant(rs, "create_date"),
                Sql.getInstant(rs, "password_last_changed"), rs.getBoolean("password_reset_required"),
                Sql.getInstant(rs, "password_last_used"));
    }
}
