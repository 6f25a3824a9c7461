package io.keywarden.server.persistence.contract;

import io.keywarden.core.port.PolicyStore;
import io.keywarden.core.port.RolePolicyStore;
import io.keywarden.core.port.RoleStore;
import io.keywarden.core.testing.InMemoryPolicyStore;
import io.keywarden.core.testing.InMemoryRoleStore;

import java.util.Map;

/** The role store contract on core's in-memory stores, which the use-case tests rely on. */
class InMemoryRoleStoreTest extends RoleStoreContract {
    @Override
    protected Map<Class<?>, Object> inMemoryStores() {
        InMemoryPolicyStore policies = new InMemoryPolicyStore();
        return Map.of(RoleStore.class, new InMemoryRoleStore(policies), RolePolicyStore.class, policies,
                PolicyStore.class, policies);
    }
}
