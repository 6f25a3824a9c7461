package io.keywarden.server.persistence;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Tag;
import io.keywarden.core.identity.Tags;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.port.UserTagStore;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * {@link UserTagStore} over JDBC: one row per tag, keyed by (user, lower-cased key). Setting a tag deletes the row of
 * its key and inserts the new one in one transaction; two concurrent sets of one key collide on the primary key and
 * the loser is answered {@code ConcurrentModification}. A tag whose key is an access key ID (a key's description)
 * appends an access-key change to the change log in the same transaction, so every node's key-list cache drops it.
 */
@Singleton
public class JdbcUserTagStore implements UserTagStore {
    private final JdbcOperations jdbc;
    private final JdbcChangeLog changes;

    public JdbcUserTagStore(JdbcOperations jdbc, JdbcChangeLog changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    @Override
    @ReadOnly
    public List<Tag> userTags(AccountId account, String userId) {
        return jdbc.prepareStatement("SELECT tag_key, tag_value FROM user_tags WHERE user_id = ? AND account_id = ?"
                + " ORDER BY key_fold", ps -> {
                    ps.setString(1, userId);
                    ps.setString(2, account.value());
                    List<Tag> tags = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            tags.add(new Tag(rs.getString(1), rs.getString(2)));
                        }
                    }
                    tags.sort(Tags.ORDER);
                    return List.copyOf(tags);
                });
    }

    @Override
    @Transactional
    public void putUserTags(AccountId account, String userId, List<Tag> tags) {
        Boolean done = jdbc.execute(conn -> Sql.inSavepoint(conn, () -> {
            for (Tag t : tags) {
                delete(conn, account, userId, t.key());
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO user_tags"
                        + " (account_id, user_id, key_fold, tag_key, tag_value) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, account.value());
                    ps.setString(2, userId);
                    ps.setString(3, t.keyFold());
                    ps.setString(4, t.key());
                    ps.setString(5, t.value());
                    ps.executeUpdate();
                }
                describedKey(conn, t.key());
            }
            return true;
        }, Sql.when(Sql::isUniqueViolation, false)));
        if (!Boolean.TRUE.equals(done)) {
            throw KeywardenException.of(ErrorCode.CONCURRENT_MODIFICATION,
                    "The user's tags were changed by another request at the same time; try again");
        }
    }

    @Override
    @Transactional
    public void removeUserTags(AccountId account, String userId, Collection<String> keys) {
        jdbc.execute(conn -> {
            for (String key : keys) {
                if (delete(conn, account, userId, key)) {
                    describedKey(conn, key);
                }
            }
            return null;
        });
    }

    private static boolean delete(Connection conn, AccountId account, String userId, String key) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "DELETE FROM user_tags WHERE user_id = ? AND key_fold = ? AND account_id = ?")) {
            ps.setString(1, userId);
            ps.setString(2, Tag.fold(key));
            ps.setString(3, account.value());
            return ps.executeUpdate() > 0;
        }
    }

    /** A tag keyed by an access key ID is that key's description: other nodes' key-list caches must drop it. */
    private void describedKey(Connection conn, String key) throws SQLException {
        String upper = key.toUpperCase(Locale.ROOT);
        if (AccessKeyId.isWellFormed(upper)) {
            changes.append(conn, JdbcChangeLog.Kind.ACCESS_KEY, upper);
        }
    }
}
