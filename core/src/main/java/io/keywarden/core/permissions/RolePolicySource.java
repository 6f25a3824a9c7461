package io.keywarden.core.permissions;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Role;
import io.keywarden.core.policy.CompiledPolicy;

import java.util.List;

/**
 * Supplies a role's compiled permission policies (inline, then attached): what an assumed-role session of the role
 * may do before its session policies narrow it. The server's {@code PolicyCache} serves them from memory.
 */
public interface RolePolicySource {
    List<CompiledPolicy> policiesForRole(AccountId account, String roleId);

    default List<CompiledPolicy> policiesFor(Role role) {
        return policiesForRole(role.accountId(), role.roleId());
    }

    /** Whether {@link #policiesFor} would answer from memory now, without I/O. */
    default boolean inMemory(Role role) {
        return false;
    }
}
