package io.keywarden.server.persistence.contract;

import io.keywarden.core.port.CredentialReportStore;
import io.keywarden.core.testing.InMemoryCredentialReportStore;

import java.util.Map;

/** The credential report store contract on core's in-memory store, which the use-case tests rely on. */
class InMemoryCredentialReportStoreTest extends CredentialReportStoreContract {
    @Override
    protected Map<Class<?>, Object> inMemoryStores() {
        return Map.of(CredentialReportStore.class, new InMemoryCredentialReportStore());
    }
}
