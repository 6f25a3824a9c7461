package io.keywarden.server.persistence;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.permissions.InlinePolicy;
import io.keywarden.core.permissions.ManagedPolicy;
import io.keywarden.core.port.PolicyStore;
import io.keywarden.core.port.RolePolicyStore;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link PolicyStore} over JDBC (H2 or PostgreSQL). The constraints decide races: the unique constraint on
 * (account, lower-case name) makes managed policy names unique, the foreign keys keep a policy that is attached, or a
 * user that has policies, from being deleted under a concurrent attach or put. Lists of a user's policies come back
 * in {@link String#compareTo} order whatever the database's collation, because the use cases page through them in
 * that order. Every change that alters a user's effective policies appends to the {@link JdbcChangeLog} in its own
 * transaction, so that other nodes drop their compiled copies.
 */
@Singleton
public class JdbcPolicyStore implements PolicyStore, RolePolicyStore {
    private static final Comparator<InlinePolicy> INLINE_BY_NAME = Comparator.comparing(InlinePolicy::policyName);
    private static final Comparator<ManagedPolicy> MANAGED_BY_NAME = Comparator.comparing(ManagedPolicy::policyName);

    private final JdbcOperations jdbc;
    private final JdbcChangeLog changes;

    public JdbcPolicyStore(JdbcOperations jdbc, JdbcChangeLog changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    // ---------------------------------------------------------------- inline

    @Override
    @Transactional
    public void putUserPolicy(AccountId account, String userId, InlinePolicy policy) {
        boolean stored = jdbc.execute(conn -> {
            if (updateInline(conn, account, userId, policy)) {
                return true;
            }
            return Sql.inSavepoint(conn, () -> {
                try (PreparedStatement ps = conn.prepareStatement(
                        "INSERT INTO user_policies (account_id, user_id, policy_name, document) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, account.value());
                    ps.setString(2, userId);
                    ps.setString(3, policy.policyName());
                    ps.setString(4, policy.document());
                    ps.executeUpdate();
                    return true;
                }
            }, e -> {
                if (Sql.isUniqueViolation(e)) {
                    // a concurrent put of the same name inserted first: replace its document
                    return updateInline(conn, account, userId, policy);
                }
                return Sql.when(Sql::isForeignKeyViolation, false).recover(e); // false: the user is gone
            });
        });
        if (!stored) {
            throw noSuchUserId(userId);
        }
        changes.publish(JdbcChangeLog.Kind.USER_POLICIES, userId);
    }

    private static boolean updateInline(Connection conn, AccountId account, String userId, InlinePolicy policy)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE user_policies SET document = ?"
                + " WHERE account_id = ? AND user_id = ? AND policy_name = ?")) {
            ps.setString(1, policy.document());
            ps.setString(2, account.value());
            ps.setString(3, userId);
            ps.setString(4, policy.policyName());
            return ps.executeUpdate() > 0;
        }
    }

    @Override
    @ReadOnly
    public Optional<InlinePolicy> getUserPolicy(AccountId account, String userId, String policyName) {
        return jdbc.prepareStatement("SELECT policy_name, document FROM user_policies"
                + " WHERE account_id = ? AND user_id = ? AND policy_name = ?", ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, userId);
                    ps.setString(3, policyName);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new InlinePolicy(rs.getString(1), rs.getString(2)))
                                : Optional.empty();
                    }
                });
    }

    @Override
    @Transactional
    public boolean deleteUserPolicy(AccountId account, String userId, String policyName) {
        return userChanged(userId, jdbc.prepareStatement(
                "DELETE FROM user_policies WHERE account_id = ? AND user_id = ? AND policy_name = ?",
                ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, userId);
                    ps.setString(3, policyName);
                    return ps.executeUpdate() > 0;
                }));
    }

    /** Tells the other nodes (in this transaction) that a user's policies changed, when they did. */
    private boolean userChanged(String userId, boolean changed) {
        if (changed) {
            changes.publish(JdbcChangeLog.Kind.USER_POLICIES, userId);
        }
        return changed;
    }

    @Override
    @ReadOnly
    public List<InlinePolicy> userPolicies(AccountId account, String userId) {
        List<InlinePolicy> policies = jdbc.prepareStatement("SELECT policy_name, document FROM user_policies"
                + " WHERE account_id = ? AND user_id = ?", ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, userId);
                    List<InlinePolicy> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new InlinePolicy(rs.getString(1), rs.getString(2)));
                        }
                    }
                    return out;
                });
        policies.sort(INLINE_BY_NAME);
        return List.copyOf(policies);
    }

    // ---------------------------------------------------------------- managed

    @Override
    @Transactional
    public void createPolicy(ManagedPolicy policy) {
        ManagedPolicyRow row = ManagedPolicyRow.of(policy);
        boolean inserted = jdbc.execute(conn -> Sql.inSavepoint(conn, () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO managed_policies (" + ManagedPolicyRow.COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, row.accountId());
                ps.setString(2, row.policyId());
                ps.setString(3, row.policyName());
                ps.setString(4, row.nameKey());
                ps.setString(5, row.path());
                ps.setString(6, row.arn());
                ps.setString(7, row.document());
                ps.setString(8, row.description());
                Sql.setInstant(ps, 9, row.createDate());
                Sql.setInstant(ps, 10, row.updateDate());
                ps.executeUpdate();
                return true;
            }
        }, Sql.when(Sql::isUniqueViolation, false)));
        if (!inserted) {
            throw KeywardenException.of(ErrorCode.ENTITY_ALREADY_EXISTS,
                    "A policy called " + policy.policyName() + " already exists. Duplicate names are not allowed.");
        }
    }

    @Override
    @ReadOnly
    public Optional<ManagedPolicy> findPolicy(AccountId account, String arn) {
        return jdbc.prepareStatement(ManagedPolicyRow.SELECT + " FROM managed_policies p"
                + " WHERE p.account_id = ? AND p.arn = ?", ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, arn);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(ManagedPolicyRow.read(rs).toPolicy()) : Optional.empty();
                    }
                });
    }

    @Override
    @Transactional
    public boolean deletePolicy(AccountId account, String arn) {
        // null: attached meanwhile
        Boolean deleted = jdbc.execute(conn -> Sql.inSavepoint(conn, () -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "DELETE FROM managed_policies WHERE account_id = ? AND arn = ?")) {
                ps.setString(1, account.value());
                ps.setString(2, arn);
                return ps.executeUpdate() > 0;
            }
        }, Sql.when(Sql::isForeignKeyViolation, null)));
        if (deleted == null) {
            throw KeywardenException.of(ErrorCode.DELETE_CONFLICT, "Cannot delete a policy attached to entities.");
        }
        if (deleted) {
            changes.publish(JdbcChangeLog.Kind.ALL_POLICIES, arn);
        }
        return deleted;
    }

    @Override
    @ReadOnly
    public List<ManagedPolicy> listPolicies(AccountId account, String pathPrefix, boolean onlyAttached, String afterName,
                                            int limit) {
        String sql = ManagedPolicyRow.SELECT + " FROM managed_policies p WHERE p.account_id = ?"
                + " AND p.path LIKE ? ESCAPE '\\'"
                + (afterName == null ? "" : " AND p.policy_name > ?")
                + (onlyAttached ? " AND (EXISTS (SELECT 1 FROM user_policy_attachments a"
                + " WHERE a.account_id = p.account_id AND a.policy_arn = p.arn)"
                + " OR EXISTS (SELECT 1 FROM role_policy_attachments r"
                + " WHERE r.account_id = p.account_id AND r.policy_arn = p.arn))" : "")
                + " ORDER BY p.policy_name LIMIT ?";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            ps.setString(i++, account.value());
            ps.setString(i++, Sql.escapeLike(pathPrefix == null ? "/" : pathPrefix) + "%");
            if (afterName != null) {
                ps.setString(i++, afterName);
            }
            ps.setInt(i, limit);
            return readPolicies(ps);
        });
    }

    @Override
    @Transactional
    public boolean attach(AccountId account, String userId, String policyArn) {
        Boolean attached = jdbc.execute(conn -> Sql.inSavepoint(conn, () -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO user_policy_attachments (account_id, user_id, policy_arn) VALUES (?, ?, ?)")) {
                ps.setString(1, account.value());
                ps.setString(2, userId);
                ps.setString(3, policyArn);
                ps.executeUpdate();
                return true;
            }
        }, e -> {
            if (Sql.isUniqueViolation(e)) {
                return false; // attached already
            }
            // null: the policy or the user is gone
            return Sql.<Boolean>when(Sql::isForeignKeyViolation, null).recover(e);
        }));
        if (attached == null) {
            if (findPolicy(account, policyArn).isEmpty()) {
                throw KeywardenException.of(ErrorCode.NO_SUCH_ENTITY,
                        "Policy " + policyArn + " does not exist or is not attachable.");
            }
            throw noSuchUserId(userId);
        }
        return userChanged(userId, attached);
    }

    @Override
    @Transactional
    public boolean detach(AccountId account, String userId, String policyArn) {
        return userChanged(userId, jdbc.prepareStatement("DELETE FROM user_policy_attachments"
                + " WHERE account_id = ? AND user_id = ? AND policy_arn = ?", ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, userId);
                    ps.setString(3, policyArn);
                    return ps.executeUpdate() > 0;
                }));
    }

    @Override
    @ReadOnly
    public List<ManagedPolicy> attachedPolicies(AccountId account, String userId) {
        List<ManagedPolicy> policies = jdbc.prepareStatement(ManagedPolicyRow.SELECT
                + " FROM user_policy_attachments a JOIN managed_policies p"
                + " ON p.account_id = a.account_id AND p.arn = a.policy_arn"
                + " WHERE a.account_id = ? AND a.user_id = ?", ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, userId);
                    return readPolicies(ps);
                });
        policies.sort(MANAGED_BY_NAME);
        return List.copyOf(policies);
    }

    // ---------------------------------------------------------------- roles

    @Override
    @Transactional
    public void putRolePolicy(AccountId account, String roleId, InlinePolicy policy) {
        boolean stored = jdbc.execute(conn -> {
            if (updateRoleInline(conn, account, roleId, policy)) {
                return true;
            }
            return Sql.inSavepoint(conn, () -> {
                try (PreparedStatement ps = conn.prepareStatement(
                        "INSERT INTO role_policies (account_id, role_id, policy_name, document) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, account.value());
                    ps.setString(2, roleId);
                    ps.setString(3, policy.policyName());
                    ps.setString(4, policy.document());
                    ps.executeUpdate();
                    return true;
                }
            }, e -> {
                if (Sql.isUniqueViolation(e)) {
                    return updateRoleInline(conn, account, roleId, policy);
                }
                return Sql.when(Sql::isForeignKeyViolation, false).recover(e); // false: the role is gone
            });
        });
        if (!stored) {
            throw noSuchRoleId(roleId);
        }
        changes.publish(JdbcChangeLog.Kind.ROLE_POLICIES, roleId);
    }

    private static boolean updateRoleInline(Connection conn, AccountId account, String roleId, InlinePolicy policy)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE role_policies SET document = ?"
                + " WHERE account_id = ? AND role_id = ? AND policy_name = ?")) {
            ps.setString(1, policy.document());
            ps.setString(2, account.value());
            ps.setString(3, roleId);
            ps.setString(4, policy.policyName());
            return ps.executeUpdate() > 0;
        }
    }

    @Override
    @ReadOnly
    public Optional<InlinePolicy> getRolePolicy(AccountId account, String roleId, String policyName) {
        return jdbc.prepareStatement("SELECT policy_name, document FROM role_policies"
                + " WHERE account_id = ? AND role_id = ? AND policy_name = ?", ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, roleId);
                    ps.setString(3, policyName);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new InlinePolicy(rs.getString(1), rs.getString(2)))
                                : Optional.empty();
                    }
                });
    }

    @Override
    @Transactional
    public boolean deleteRolePolicy(AccountId account, String roleId, String policyName) {
        return roleChanged(roleId, jdbc.prepareStatement(
                "DELETE FROM role_policies WHERE account_id = ? AND role_id = ? AND policy_name = ?", ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, roleId);
                    ps.setString(3, policyName);
                    return ps.executeUpdate() > 0;
                }));
    }

    @Override
    @ReadOnly
    public List<InlinePolicy> rolePolicies(AccountId account, String roleId) {
        List<InlinePolicy> policies = jdbc.prepareStatement("SELECT policy_name, document FROM role_policies"
                + " WHERE account_id = ? AND role_id = ?", ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, roleId);
                    List<InlinePolicy> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new InlinePolicy(rs.getString(1), rs.getString(2)));
                        }
                    }
                    return out;
                });
        policies.sort(INLINE_BY_NAME);
        return List.copyOf(policies);
    }

    @Override
    @Transactional
    public boolean attachRolePolicy(AccountId account, String roleId, String policyArn) {
        Boolean attached = jdbc.execute(conn -> Sql.inSavepoint(conn, () -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO role_policy_attachments (account_id, role_id, policy_arn) VALUES (?, ?, ?)")) {
                ps.setString(1, account.value());
                ps.setString(2, roleId);
                ps.setString(3, policyArn);
                ps.executeUpdate();
                return true;
            }
        }, e -> {
            if (Sql.isUniqueViolation(e)) {
                return false; // attached already
            }
            // null: the policy or the role is gone
            return Sql.<Boolean>when(Sql::isForeignKeyViolation, null).recover(e);
        }));
        if (attached == null) {
            if (findPolicy(account, policyArn).isEmpty()) {
                throw KeywardenException.of(ErrorCode.NO_SUCH_ENTITY,
                        "Policy " + policyArn + " does not exist or is not attachable.");
            }
            throw noSuchRoleId(roleId);
        }
        return roleChanged(roleId, attached);
    }

    @Override
    @Transactional
    public boolean detachRolePolicy(AccountId account, String roleId, String policyArn) {
        return roleChanged(roleId, jdbc.prepareStatement("DELETE FROM role_policy_attachments"
                + " WHERE account_id = ? AND role_id = ? AND policy_arn = ?", ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, roleId);
                    ps.setString(3, policyArn);
                    return ps.executeUpdate() > 0;
                }));
    }

    @Override
    @ReadOnly
    public List<ManagedPolicy> roleAttachedPolicies(AccountId account, String roleId) {
        List<ManagedPolicy> policies = jdbc.prepareStatement(ManagedPolicyRow.SELECT
                + " FROM role_policy_attachments a JOIN managed_policies p"
                + " ON p.account_id = a.account_id AND p.arn = a.policy_arn"
                + " WHERE a.account_id = ? AND a.role_id = ?", ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, roleId);
                    return readPolicies(ps);
                });
        policies.sort(MANAGED_BY_NAME);
        return List.copyOf(policies);
    }

    /** Tells the other nodes (in this transaction) that a role's policies changed, when they did. */
    private boolean roleChanged(String roleId, boolean changed) {
        if (changed) {
            changes.publish(JdbcChangeLog.Kind.ROLE_POLICIES, roleId);
        }
        return changed;
    }

    private static KeywardenException noSuchRoleId(String roleId) {
        return KeywardenException.of(ErrorCode.NO_SUCH_ENTITY, "The role with id " + roleId + " cannot be found.");
    }

    private static List<ManagedPolicy> readPolicies(PreparedStatement ps) throws SQLException {
        List<ManagedPolicy> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(ManagedPolicyRow.read(rs).toPolicy());
            }
        }
        return out;
    }

    private static KeywardenException noSuchUserId(String userId) {
        return KeywardenException.of(ErrorCode.NO_SUCH_ENTITY, "The user with id " + userId + " cannot be found.");
    }
}
