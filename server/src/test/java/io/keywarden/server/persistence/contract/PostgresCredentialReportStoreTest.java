package io.keywarden.server.persistence.contract;

import io.keywarden.server.support.TestDatabase;

class PostgresCredentialReportStoreTest extends CredentialReportStoreContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
