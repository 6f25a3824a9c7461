package io.keywarden.server.persistence.contract;

import io.keywarden.core.port.AuditStore;
import io.keywarden.core.testing.InMemoryAuditStore;

import java.util.Map;

/** The audit store contract on core's in-memory trail, which the catalogue's tests use. */
class InMemoryAuditStoreTest extends AuditStoreContract {
    @Override
    protected Map<Class<?>, Object> inMemoryStores() {
        return Map.of(AuditStore.class, new InMemoryAuditStore());
    }
}
