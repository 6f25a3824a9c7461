package io.keywarden.server.persistence.contract;

import io.keywarden.server.support.TestDatabase;

import java.util.Optional;

class PostgresChangeLogTest extends ChangeLogContract {
    @Override
    protected Optional<TestDatabase> newDatabase() {
        return Optional.of(TestDatabase.postgres());
    }
}
