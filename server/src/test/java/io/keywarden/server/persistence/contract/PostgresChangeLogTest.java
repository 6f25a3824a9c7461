package io.keywarden.server.persistence.contract;

import io.keywarden.server.support.TestDatabase;

class PostgresChangeLogTest extends ChangeLogContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
