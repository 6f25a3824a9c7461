package io.keywarden.server.crash;

import io.keywarden.server.support.TestDatabase;

/** Run by failsafe after {@code package} (it needs the jar). */
class PostgresCrashRecoveryIT extends CrashRecoveryContract {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
