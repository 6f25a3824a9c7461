package io.keywarden.server.persistence.contract;

import io.keywarden.server.support.TestDatabase;

class H2AuditStoreTest extends AuditStoreContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
