package io.keywarden.server.persistence.contract;

import io.keywarden.core.port.PolicyStore;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.testing.InMemoryPolicyStore;
import io.keywarden.core.testing.InMemoryUserStore;

import java.util.Map;

/** The policy store contract on core's in-memory stores, which the use-case tests rely on. */
class InMemoryPolicyStoreTest extends PolicyStoreContract {
    @Override
    protected Map<Class<?>, Object> inMemoryStores() {
        return Map.of(PolicyStore.class, new InMemoryPolicyStore(), UserStore.class, new InMemoryUserStore());
    }
}
