package io.keywarden.server.persistence.contract;

import io.keywarden.server.support.TestDatabase;

import java.util.Optional;

class PostgresUserSummaryStoreTest extends UserSummaryStoreContract {
    @Override
    protected Optional<TestDatabase> newDatabase() {
        return Optional.of(TestDatabase.postgres());
    }
}
