package io.keywarden.server.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Role;
import io.keywarden.core.identity.RoleLastUsed;
import io.keywarden.core.identity.Tag;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.port.RoleStore;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RoleStore} over JDBC (H2 or PostgreSQL): the unique constraint on (account, lower-case name) decides a race of
 * two creates, the foreign keys of {@code role_policies} and {@code role_policy_attachments} keep a role that has
 * policies from being deleted under a concurrent put or attach. Tags are kept as a JSON array in one column.
 */
@Singleton
public class JdbcRoleStore implements RoleStore {
    private static final String COLUMNS = "account_id, role_id, role_name, name_key, path, create_date, trust_policy,"
            + " description, max_session_duration, tags";
    /** What is read of a role: its columns and when a session of it was last used (written apart, in batches). */
    private static final String SELECTED = COLUMNS + ", last_used_date, last_used_region";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, String>>> TAGS = new TypeReference<>() {
    };

    private final JdbcOperations jdbc;

    public JdbcRoleStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void insert(Role role) {
        boolean inserted = jdbc.execute(conn -> Sql.inSavepoint(conn, () -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO roles (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, role.accountId().value());
                ps.setString(2, role.roleId());
                ps.setString(3, role.roleName());
                ps.setString(4, role.nameKey());
                ps.setString(5, role.path().value());
                Sql.setInstant(ps, 6, role.createDate());
                ps.setString(7, role.assumeRolePolicyDocument());
                ps.setString(8, role.description());
                ps.setInt(9, role.maxSessionDuration());
                ps.setString(10, tagsJson(role.tags()));
                ps.executeUpdate();
                return true;
            }
        }, Sql.when(Sql::isUniqueViolation, false)));
        if (!inserted) {
            throw KeywardenException.of(ErrorCode.ENTITY_ALREADY_EXISTS,
                    "Role with name " + role.roleName() + " already exists.");
        }
    }

    @Override
    @ReadOnly
    public Optional<Role> findByName(AccountId account, String roleName) {
        return jdbc.prepareStatement("SELECT " + SELECTED + " FROM roles WHERE account_id = ? AND name_key = ?", ps -> {
            ps.setString(1, account.value());
            ps.setString(2, Role.nameKey(roleName));
            return single(ps);
        });
    }

    @Override
    @ReadOnly
    public Optional<Role> findById(AccountId account, String roleId) {
        return jdbc.prepareStatement("SELECT " + SELECTED + " FROM roles WHERE account_id = ? AND role_id = ?", ps -> {
            ps.setString(1, account.value());
            ps.setString(2, roleId);
            return single(ps);
        });
    }

    @Override
    @ReadOnly
    public List<Role> list(AccountId account, String pathPrefix, String afterKey, int limit) {
        // as JdbcUserStore.list: the (account_id, name_key) index read in order, the limit written into the statement
        boolean everyPath = pathPrefix == null || pathPrefix.equals("/");
        String sql = "SELECT " + SELECTED + " FROM roles WHERE account_id = ?"
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
            List<Role> roles = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.add(read(rs));
                }
            }
            return roles;
        });
    }

    @Override
    @Transactional
    public boolean update(Role role) {
        return jdbc.prepareStatement("UPDATE roles SET description = ?, max_session_duration = ?, trust_policy = ?"
                + " WHERE account_id = ? AND role_id = ?", ps -> {
                    ps.setString(1, role.description());
                    ps.setInt(2, role.maxSessionDuration());
                    ps.setString(3, role.assumeRolePolicyDocument());
                    ps.setString(4, role.accountId().value());
                    ps.setString(5, role.roleId());
                    return ps.executeUpdate() > 0;
                });
    }

    @Override
    @Transactional
    public boolean updateTags(AccountId account, String roleId, List<Tag> tags) {
        return jdbc.prepareStatement("UPDATE roles SET tags = ? WHERE account_id = ? AND role_id = ?", ps -> {
            ps.setString(1, tagsJson(tags));
            ps.setString(2, account.value());
            ps.setString(3, roleId);
            return ps.executeUpdate() > 0;
        });
    }

    @Override
    @Transactional
    public boolean delete(AccountId account, String roleId) {
        // null: a policy was put or attached after the use case checked there was none
        Boolean deleted = jdbc.execute(conn -> Sql.inSavepoint(conn, () -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM roles WHERE account_id = ? AND role_id = ?")) {
                ps.setString(1, account.value());
                ps.setString(2, roleId);
                return ps.executeUpdate() > 0;
            }
        }, Sql.when(Sql::isForeignKeyViolation, null)));
        if (deleted == null) {
            throw KeywardenException.of(ErrorCode.DELETE_CONFLICT, "Cannot delete entity, must delete policies first.");
        }
        return deleted;
    }

    private static Optional<Role> single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    private static Role read(ResultSet rs) throws SQLException {
        Instant lastUsed = Sql.getInstant(rs, "last_used_date");
        return new Role(AccountId.of(rs.getString("account_id")), rs.getString("role_id"), rs.getString("role_name"),
                UserPath.of(rs.getString("path")), Sql.getInstant(rs, "create_date"), rs.getString("trust_policy"),
                rs.getString("description"), rs.getInt("max_session_duration"), tags(rs.getString("tags")),
                lastUsed == null ? null : new RoleLastUsed(lastUsed, rs.getString("last_used_region")));
    }

    /** One batched UPDATE; latest wins (an older use does not overwrite a newer one, whichever node wrote it). */
    @Override
    @Transactional
    public void recordLastUsed(Map<String, RoleLastUsed> byRoleId) {
        if (byRoleId.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("UPDATE roles SET last_used_date = ?, last_used_region = ?"
                + " WHERE role_id = ? AND (last_used_date IS NULL OR last_used_date < ?)", ps -> {
                    for (Map.Entry<String, RoleLastUsed> e : byRoleId.entrySet()) {
                        RoleLastUsed used = e.getValue();
                        Sql.setInstant(ps, 1, used.lastUsedDate());
                        ps.setString(2, used.region().length() > 64 ? used.region().substring(0, 64) : used.region());
                        ps.setString(3, e.getKey());
                        Sql.setInstant(ps, 4, used.lastUsedDate());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    return null;
                });
    }

    static String tagsJson(List<Tag> tags) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Tag t : tags) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("Key", t.key());
            m.put("Value", t.value());
            out.add(m);
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Tag> tags(String json) {
        try {
            return Tag.fromMaps(JSON.readValue(json, TAGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable tags of a role: " + e.getOriginalMessage(), e);
        }
    }
}
