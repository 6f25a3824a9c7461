package io.keywarden.server.persistence.contract;

import io.keywarden.core.port.UserStore;
import io.keywarden.core.port.UserTagStore;
import io.keywarden.core.testing.InMemoryUserStore;
import io.keywarden.core.testing.InMemoryUserTagStore;

import java.util.Map;

/** The user tag store contract on core's in-memory stores, which the use-case tests rely on. */
class InMemoryUserTagStoreTest extends UserTagStoreContract {
    @Override
    protected Map<Class<?>, Object> inMemoryStores() {
        return Map.of(UserTagStore.class, new InMemoryUserTagStore(), UserStore.class, new InMemoryUserStore());
    }
}
