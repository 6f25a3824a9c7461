package io.keywarden.server.persistence.contract;

import io.keywarden.server.support.TestDatabase;

class H2UserStoreTest extends UserStoreContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
