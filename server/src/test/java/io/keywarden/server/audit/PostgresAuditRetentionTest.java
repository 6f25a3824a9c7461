package io.keywarden.server.audit;

import io.keywarden.server.support.TestDatabase;

class PostgresAuditRetentionTest extends AuditRetentionContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
