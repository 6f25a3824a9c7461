package io.keywarden.server.persistence.contract;

import io.keywarden.server.support.TestDatabase;

class PostgresPolicyStoreTest extends PolicyStoreContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
