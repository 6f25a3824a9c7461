package io.keywarden.core.testing;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Role;
import io.keywarden.core.identity.RoleLastUsed;
import io.keywarden.core.port.RolePolicyStore;
import io.keywarden.core.port.RoleStore;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RoleStore} in memory, held to the store contract (server's {@code InMemoryRoleStoreTest}); given the
 * {@link RolePolicyStore}, it refuses to delete a role that has policies, as the database's foreign keys do.
 */
public final class InMemoryRoleStore implements RoleStore {
    private final Map<String, Role> byId = new LinkedHashMap<>();
    private final RolePolicyStore policies;

    public InMemoryRoleStore() {
        this(null);
    }

    public InMemoryRoleStore(RolePolicyStore policies) {
        this.policies = policies;
    }

    @Override
    public synchronized void insert(Role role) {
        boolean taken = byId.values().stream().anyMatch(r -> r.accountId().equals(role.accountId())
                && r.nameKey().equals(role.nameKey()));
        if (taken || byId.containsKey(role.roleId())) {
            throw KeywardenException.of(ErrorCode.ENTITY_ALREADY_EXISTS,
                    "Role with name " + role.roleName() + " already exists.");
        }
        byId.put(role.roleId(), role);
    }

    @Override
    public synchronized Optional<Role> findByName(AccountId account, String roleName) {
        String key = Role.nameKey(roleName);
        return byId.values().stream().filter(r -> r.accountId().equals(account) && r.nameKey().equals(key)).findFirst();
    }

    @Override
    public synchronized Optional<Role> findById(AccountId account, String roleId) {
        return Optional.ofNullable(byId.get(roleId)).filter(r -> r.accountId().equals(account));
    }

    @Override
    public synchronized List<Role> list(AccountId account, String pathPrefix, String afterKey, int limit) {
        return byId.values().stream()
                .filter(r -> r.accountId().equals(account) && r.path().value().startsWith(pathPrefix))
                .filter(r -> afterKey == null || r.nameKey().compareTo(afterKey) > 0)
                .sorted(Comparator.comparing(Role::nameKey))
                .limit(limit).toList();
    }

    @Override
    public synchronized boolean update(Role role) {
        Role stored = byId.get(role.roleId());
        if (stored == null || !stored.accountId().equals(role.accountId())) {
            return false;
        }
        byId.put(role.roleId(), stored.withDescription(role.description())
                .withMaxSessionDuration(role.maxSessionDuration())
                .withAssumeRolePolicyDocument(role.assumeRolePolicyDocument()));
        return true;
    }

    @Override
    public synchronized boolean updateTags(AccountId account, String roleId, List<io.keywarden.core.identity.Tag> tags) {
        Role stored = byId.get(roleId);
        if (stored == null || !stored.accountId().equals(account)) {
            return false;
        }
        byId.put(roleId, stored.withTags(tags));
        return true;
    }

    @Override
    public synchronized boolean delete(AccountId account, String roleId) {
        if (findById(account, roleId).isEmpty()) {
            return false;
        }
        if (policies != null && (!policies.rolePolicies(account, roleId).isEmpty()
                || !policies.roleAttachedPolicies(account, roleId).isEmpty())) {
            throw KeywardenException.of(ErrorCode.DELETE_CONFLICT, "Cannot delete entity, must delete policies first.");
        }
        return byId.remove(roleId) != null;
    }

    @Override
    public synchronized void recordLastUsed(Map<String, RoleLastUsed> byRoleId) {
        byRoleId.forEach((roleId, used) -> byId.computeIfPresent(roleId, (id, role) -> role.withLastUsed(
                role.lastUsed() == null ? used : RoleLastUsed.latest(role.lastUsed(), used))));
    }
}
