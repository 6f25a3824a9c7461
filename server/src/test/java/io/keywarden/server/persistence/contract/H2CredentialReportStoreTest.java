package io.keywarden.server.persistence.contract;

import io.keywarden.server.support.TestDatabase;

class H2CredentialReportStoreTest extends CredentialReportStoreContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
