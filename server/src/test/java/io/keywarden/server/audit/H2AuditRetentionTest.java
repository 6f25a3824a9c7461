package io.keywarden.server.audit;

import io.keywarden.server.support.TestDatabase;

class H2AuditRetentionTest extends AuditRetentionContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
