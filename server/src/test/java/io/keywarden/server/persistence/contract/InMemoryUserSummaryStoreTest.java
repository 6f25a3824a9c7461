package io.keywarden.server.persistence.contract;

import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.LoginProfileStore;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.port.UserSummaryStore;
import io.keywarden.core.testing.InMemoryAccessKeyStore;
import io.keywarden.core.testing.InMemoryLoginProfileStore;
import io.keywarden.core.testing.InMemoryUserStore;
import io.keywarden.core.testing.InMemoryUserSummaryStore;

import java.util.Map;

/** The user summary contract on core's in-memory store, which the use-case tests rely on. */
class InMemoryUserSummaryStoreTest extends UserSummaryStoreContract {
    @Override
    protected Map<Class<?>, Object> inMemoryStores() {
        InMemoryUserStore users = new InMemoryUserStore();
        InMemoryAccessKeyStore keys = new InMemoryAccessKeyStore();
        InMemoryLoginProfileStore profiles = new InMemoryLoginProfileStore();
        return Map.of(UserStore.class, users, AccessKeyStore.class, keys, LoginProfileStore.class, profiles,
                UserSummaryStore.class, new InMemoryUserSummaryStore(users, keys, profiles));
    }
}
