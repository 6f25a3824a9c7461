package io.keywarden.server.persistence.contract;

import io.keywarden.server.support.TestDatabase;

class PostgresAuditStoreTest extends AuditStoreContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
