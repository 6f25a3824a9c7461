package io.keywarden.server.persistence.contract;

import io.keywarden.server.support.TestDatabase;

class PostgresUserStoreTest extends UserStoreContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
