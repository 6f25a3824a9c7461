package io.keywarden.server.persistence.contract;

import io.keywarden.server.support.TestDatabase;

import java.util.Optional;

class H2UserSummaryStoreTest extends UserSummaryStoreContract {
    @Override
    protected Optional<TestDatabase> newDatabase() {
        return Optional.of(TestDatabase.h2());
    }
}
