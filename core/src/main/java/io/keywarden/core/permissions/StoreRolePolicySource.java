package io.keywarden.core.permissions;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.policy.CompiledPolicy;
import io.keywarden.core.port.RolePolicyStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a role's inline and attached policies from the store and compiles them. Inline policies are named by their
 * policy name, managed ones by their ARN, as a user's are ({@link StorePolicySource}).
 */
public final class StoreRolePolicySource implements RolePolicySource {
    private final RolePolicyStore store;

    public StoreRolePolicySource(RolePolicyStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<CompiledPolicy> policiesForRole(AccountId account, String roleId) {
        List<CompiledPolicy> out = new ArrayList<>();
        for (InlinePolicy p : store.rolePolicies(account, roleId)) {
            out.add(CompiledPolicy.parse(p.policyName(), p.document()));
        }
        for (ManagedPolicy p : store.roleAttachedPolicies(account, roleId)) {
            out.add(CompiledPolicy.parse(p.arn(), p.document()));
        }
        return List.copyOf(out);
    }
}
