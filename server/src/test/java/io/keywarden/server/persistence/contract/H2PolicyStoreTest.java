package io.keywarden.server.persistence.contract;

import io.keywarden.server.support.TestDatabase;

class H2PolicyStoreTest extends PolicyStoreContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
