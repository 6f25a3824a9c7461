package io.keywarden.server.persistence.contract;

import io.keywarden.server.support.TestDatabase;

class PostgresAccessKeyStoreTest extends AccessKeyStoreContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
