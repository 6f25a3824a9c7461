package io.keywarden.server.persistence;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.port.UserStore;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link UserStore} over JDBC (H2 or PostgreSQL); the unique constraint on (account, lower-case name) decides. */
@Singleton
public class JdbcUserStore implements UserStore {
    private final JdbcOperations jdbc;

    public JdbcUserStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void insert(User user) {
        UserRow row = UserRow.of(user);
        boolean inserted = jdbc.execute(conn -> Sql.inSavepoint(conn, () -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO users (" + UserRow.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, row.accountId());
                ps.setString(2, row.userId());
                ps.setString(3, row.userName());
                ps.setString(4, row.nameKey());
                ps.setString(5, row.path());
                Sql.setInstant(ps, 6, row.createDate());
                ps.executeUpdate();
                return true;
            }
        }, Sql.when(Sql::isUniqueViolation, false)));
        if (!inserted) {
            throw KeywardenException.of(ErrorCode.ENTITY_ALREADY_EXISTS,
                    "User with name " + user.userName().value() + " already exists.");
        }
    }

    @Override
    @ReadOnly
    public Optional<User> findByName(AccountId account, UserName name) {
        return jdbc.prepareStatement("SELECT " + UserRow.COLUMNS + " FROM users WHERE account_id = ? AND name_key = ?",
                ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, name.key());
                    return single(ps);
                });
    }

    @Override
    @ReadOnly
    public Optional<User> findById(AccountId account, String userId) {
        return jdbc.prepareStatement("SELECT " + UserRow.COLUMNS + " FROM users WHERE account_id = ? AND user_id = ?",
                ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, userId);
                    return single(ps);
                });
    }

    @Override
    @ReadOnly
    public List<User> list(AccountId account, String pathPrefix, String afterKey, int limit) {
        // Both databases read the (account_id, name_key) index in order and stop after one page only when the query
        // has a condition on name_key, an ORDER BY naming both columns (the same order here) and no path condition
        // that matches every user ("/", the default): H2 otherwise sorted every user of the account per page, and
        // PostgreSQL's generic plan for "path LIKE ?" did too (60-100 ms a page at 100,000 users). The limit is
        // written into the statement: with "LIMIT ?" PostgreSQL's generic plan (used after a few executions) cannot
        // count on stopping early, and chose to sort the account's users again.
        boolean everyPath = pathPrefix == null || pathPrefix.equals("/");
        String sql = "SELECT " + UserRow.COLUMNS + " FROM users WHERE account_id = ?"
                + (everyPath ? "" : " AND path LIKE ? ESCAPE '\\'")
                + " AND name_key " + (afterKey == null ? ">=" : ">") + " ? ORDER BY account_id, name_key LIMIT "
                + Math.max(0, limit);
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            ps.setString(i++, account.value());
            if (!everyPath) {
                ps.setString(i++, Sql.escapeLike(pathPrefix) + "%");
            }
            ps.setString(i, afterKey == null ? "" : afterKey);
            List<User> users = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(UserRow.read(rs).toUser());
                }
            }
            return users;
        });
    }

    @Override
    @Transactional
    public boolean delete(AccountId account, String userId) {
        // null: a policy was put or attached after the use case checked there was none
        Boolean deleted = jdbc.execute(conn -> Sql.inSavepoint(conn, () -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM users WHERE account_id = ? AND user_id = ?")) {
                ps.setString(1, account.value());
                ps.setString(2, userId);
                return ps.executeUpdate() > 0;
            }
        }, Sql.when(Sql::isForeignKeyViolation, null)));
        if (deleted == null) {
            throw KeywardenException.of(ErrorCode.DELETE_CONFLICT, "Cannot delete entity, must delete policies first.");
        }
        return deleted;
    }

    private static Optional<User> single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(UserRow.read(rs).toUser()) : Optional.empty();
        }
    }
}
