package io.keywarden.core.permissions;

import io.keywarden.core.identity.User;
import io.keywarden.core.policy.CompiledPolicy;
import io.keywarden.core.port.PolicyStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a user's inline and attached policies from the store and compiles them. Inline policies are named by their
 * policy name, managed ones by their ARN, so a decision's reasons say which is which.
 */
public final class StorePolicySource implements PolicyAuthorizer.PolicySource {
    private final PolicyStore store;

    public StorePolicySource(PolicyStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<CompiledPolicy> policiesFor(User user) {
        List<CompiledPolicy> out = new ArrayList<>();
        for (InlinePolicy p : store.userPolicies(user.accountId(), user.userId())) {
            out.add(CompiledPolicy.parse(p.policyName(), p.document()));
        }
        for (ManagedPolicy p : store.attachedPolicies(user.accountId(), user.userId())) {
            out.add(CompiledPolicy.parse(p.arn(), p.document()));
        }
        return List.copyOf(out);
    }
}
