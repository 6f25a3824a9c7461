package io.keywarden.server.persistence.contract;

import io.keywarden.core.port.UserStore;
import io.keywarden.core.testing.InMemoryUserStore;

import java.util.Map;

/** The user store contract on core's in-memory store, which the use-case tests rely on. */
class InMemoryUserStoreTest extends UserStoreContract {
    @Override
    protected Map<Class<?>, Object> inMemoryStores() {
        return Map.of(UserStore.class, new InMemoryUserStore());
    }
}
