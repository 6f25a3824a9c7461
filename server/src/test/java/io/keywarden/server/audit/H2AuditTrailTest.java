package io.keywarden.server.audit;

import io.keywarden.server.support.TestDatabase;

class H2AuditTrailTest extends AuditTrailContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
