package io.keywarden.server.persistence.contract;

import io.keywarden.server.support.TestDatabase;

class H2AccessKeyStoreTest extends AccessKeyStoreContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
