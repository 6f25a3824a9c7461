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
import java.util.function.Function;

/**
 * {@link PolicyStore} over JDBC (H2 or PostgreSQL). The constraints decide races: the unique constraint on
 * (account, lower-case name) makes managed policy names unique, the foreign keys keep a policy that is attached, or a
 * user that has policies, from being deleted under a concurrent attach or put. Lists of a user's policies come back
 * in {@link String#compareTo} order whatever the database's collation, because the use cases page through them in
 * that order. Every change that alters a user's effective policies appends to the {@link JdbcChangeLog} in its own
 * transaction, so that other nodes drop their compiled copies. Roles' policies are kept as users' are (see
 * {@link Owner}).
 */
@Singleton
public class JdbcPolicyStore implements PolicyStore, RolePolicyStore {
    private static final Comparator<InlinePolicy> INLINE_BY_NAME = Comparator.comparing(InlinePolicy::policyName);
    private static final Comparator<ManagedPolicy> MANAGED_BY_NAME = Comparator.comparing(ManagedPolicy::policyName);

    /**
     * Whose policies: users' and roles' are kept alike, in tables of the same shape, so one set of methods serves
     * both. The table and column names are constants, never input.
     */
    private record Owner(String inlineTable, String attachmentTable, String idColumn, JdbcChangeLog.Kind kind,
                         Function<String, KeywardenException> notFound) {
    }

    private static final Owner USER = new Owner("user_policies", "user_policy_attachments", "user_id",
            JdbcChangeLog.Kind.USER_POLICIES, userId -> KeywardenException.of(ErrorCode.NO_SUCH_ENTITY,
                    "The user with id " + userId + " cannot be found."));
    private static final Owner ROLE = new Owner("role_policies", "role_policy_attachments", "role_id",
            JdbcChangeLog.Kind.ROLE_POLICIES, roleId -> KeywardenException.of(ErrorCode.NO_SUCH_ENTITY,
                    "The role with id " + roleId + " cannot be found."));

    private final JdbcOperations jdbc;
    private final JdbcChangeLog changes;

    public JdbcPolicyStore(JdbcOperations jdbc, JdbcChangeLog changes) {
        this.jdbc = jdbc;
        this.changes = changes;
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

    // ---------------------------------------------------------------- users' inline and attached policies

    @Override
    @Transactional
    public void putUserPolicy(AccountId account, String userId, InlinePolicy policy) {
        putInline(USER, account, userId, policy);
    }

    @Override
    @ReadOnly
    public Optional<InlinePolicy> getUserPolicy(AccountId account, String userId, String policyName) {
        return getInline(USER, account, userId, policyName);
    }

    @Override
    @Transactional
    public boolean deleteUserPolicy(AccountId account, String userId, String policyName) {
        return deleteInline(USER, account, userId, policyName);
    }

    @Override
    @ReadOnly
    public List<InlinePolicy> userPolicies(AccountId account, String userId) {
        return inlinePolicies(USER, account, userId);
    }

    @Override
    @Transactional
    public boolean attach(AccountId account, String userId, String policyArn) {
        return attach(USER, account, userId, policyArn);
    }

    @Override
    @Transactional
    public boolean detach(AccountId account, String userId, String policyArn) {
        return detach(USER, account, userId, policyArn);
    }

    @Override
    @ReadOnly
    public List<ManagedPolicy> attachedPolicies(AccountId account, String userId) {
        return attached(USER, account, userId);
    }

    // ---------------------------------------------------------------- roles' inline and attached policies

    @Override
    @Transactional
    public void putRolePolicy(AccountId account, String roleId, InlinePolicy policy) {
        putInline(ROLE, account, roleId, policy);
    }

    @Override
    @ReadOnly
    public Optional<InlinePolicy> getRolePolicy(AccountId account, String roleId, String policyName) {
        return getInline(ROLE, account, roleId, policyName);
    }

    @Override
    @Transactional
    public boolean deleteRolePolicy(AccountId account, String roleId, String policyName) {
        return deleteInline(ROLE, account, roleId, policyName);
    }

    @Override
    @ReadOnly
    public List<InlinePolicy> rolePolicies(AccountId account, String roleId) {
        return inlinePolicies(ROLE, account, roleId);
    }

    @Override
    @Transactional
    public boolean attachRolePolicy(AccountId account, String roleId, String policyArn) {
        return attach(ROLE, account, roleId, policyArn);
    }

    @Override
    @Transactional
    public boolean detachRolePolicy(AccountId account, String roleId, String policyArn) {
        return detach(ROLE, account, roleId, policyArn);
    }

    @Override
    @ReadOnly
    public List<ManagedPolicy> roleAttachedPolicies(AccountId account, String roleId) {
        return attached(ROLE, account, roleId);
    }

    // ---------------------------------------------------------------- one implementation for both owners

    private void putInline(Owner owner, AccountId account, String ownerId, InlinePolicy policy) {
        boolean stored = jdbc.execute(conn -> {
            if (updateInline(conn, owner, account, ownerId, policy)) {
                return true;
            }
            return Sql.inSavepoint(conn, () -> {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + owner.inlineTable()
                        + " (account_id, " + owner.idColumn() + ", policy_name, document) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, account.value());
                    ps.setString(2, ownerId);
                    ps.setString(3, policy.policyName());
                    ps.setString(4, policy.document());
                    ps.executeUpdate();
                    return true;
                }
            }, e -> {
                if (Sql.isUniqueViolation(e)) {
                    // a concurrent put of the same name inserted first: replace its document
                    return updateInline(conn, owner, account, ownerId, policy);
                }
                return Sql.when(Sql::isForeignKeyViolation, false).recover(e); // false: the owner is gone
            });
        });
        if (!stored) {
            throw owner.notFound().apply(ownerId);
        }
        changes.publish(owner.kind(), ownerId);
    }

    private static boolean updateInline(Connection conn, Owner owner, AccountId account, String ownerId,
                                        InlinePolicy policy) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE " + owner.inlineTable() + " SET document = ?"
                + " WHERE account_id = ? AND " + owner.idColumn() + " = ? AND policy_name = ?")) {
            ps.setString(1, policy.document());
            ps.setString(2, account.value());
            ps.setString(3, ownerId);
            ps.setString(4, policy.policyName());
            return ps.executeUpdate() > 0;
        }
    }

    private Optional<InlinePolicy> getInline(Owner owner, AccountId account, String ownerId, String policyName) {
        return jdbc.prepareStatement("SELECT policy_name, document FROM " + owner.inlineTable()
                + " WHERE account_id = ? AND " + owner.idColumn() + " = ? AND policy_name = ?", ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, ownerId);
                    ps.setString(3, policyName);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new InlinePolicy(rs.getString(1), rs.getString(2)))
                                : Optional.empty();
                    }
                });
    }

    private boolean deleteInline(Owner owner, AccountId account, String ownerId, String policyName) {
        return changed(owner, ownerId, jdbc.prepareStatement("DELETE FROM " + owner.inlineTable()
                + " WHERE account_id = ? AND " + owner.idColumn() + " = ? AND policy_name = ?", ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, ownerId);
                    ps.setString(3, policyName);
                    return ps.executeUpdate() > 0;
                }));
    }

    private List<InlinePolicy> inlinePolicies(Owner owner, AccountId account, String ownerId) {
        List<InlinePolicy> policies = jdbc.prepareStatement("SELECT policy_name, document FROM "
                + owner.inlineTable() + " WHERE account_id = ? AND " + owner.idColumn() + " = ?", ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, ownerId);
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

    private boolean attach(Owner owner, AccountId account, String ownerId, String policyArn) {
        Boolean attached = jdbc.execute(conn -> Sql.inSavepoint(conn, () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + owner.attachmentTable()
                    + " (account_id, " + owner.idColumn() + ", policy_arn) VALUES (?, ?, ?)")) {
                ps.setString(1, account.value());
                ps.setString(2, ownerId);
                ps.setString(3, policyArn);
                ps.executeUpdate();
                return true;
            }
        }, e -> {
            if (Sql.isUniqueViolation(e)) {
                return false; // attached already
            }
            // null: the policy or the owner is gone
            return Sql.<Boolean>when(Sql::isForeignKeyViolation, null).recover(e);
        }));
        if (attached == null) {
            if (findPolicy(account, policyArn).isEmpty()) {
                throw KeywardenException.of(ErrorCode.NO_SUCH_ENTITY,
                        "Policy " + policyArn + " does not exist or is not attachable.");
            }
            throw owner.notFound().apply(ownerId);
        }
        return changed(owner, ownerId, attached);
    }

    private boolean detach(Owner owner, AccountId account, String ownerId, String policyArn) {
        return changed(owner, ownerId, jdbc.prepareStatement("DELETE FROM " + owner.attachmentTable()
                + " WHERE account_id = ? AND " + owner.idColumn() + " = ? AND policy_arn = ?", ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, ownerId);
                    ps.setString(3, policyArn);
                    return ps.executeUpdate() > 0;
                }));
    }

    private List<ManagedPolicy> attached(Owner owner, AccountId account, String ownerId) {
        List<ManagedPolicy> policies = jdbc.prepareStatement(ManagedPolicyRow.SELECT
                + " FROM " + owner.attachmentTable() + " a JOIN managed_policies p"
                + " ON p.account_id = a.account_id AND p.arn = a.policy_arn"
                + " WHERE a.account_id = ? AND a." + owner.idColumn() + " = ?", ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, ownerId);
                    return readPolicies(ps);
                });
        policies.sort(MANAGED_BY_NAME);
        return List.copyOf(policies);
    }

    /** Tells the other nodes (in this transaction) that an owner's policies changed, when they did. */
    private boolean changed(Owner owner, String ownerId, boolean changed) {
        if (changed) {
            changes.publish(owner.kind(), ownerId);
        }
        return changed;
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
}
