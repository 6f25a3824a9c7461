package io.keywarden.server.audit;

import io.keywarden.server.support.TestDatabase;

class PostgresAuditTrailTest extends AuditTrailContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
