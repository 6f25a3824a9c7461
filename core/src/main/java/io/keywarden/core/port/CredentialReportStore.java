package io.keywarden.core.port;

import io.keywarden.core.identity.AccountId;

import java.time.Instant;
import java.util.Optional;

/** Keeps the latest generated credential report of each account (shared by every server node). */
public interface CredentialReportStore {
    record StoredReport(Instant generatedTime, byte[] csv) {
        public StoredReport {
            csv = csv.clone();
        }

        @Override
        public byte[] csv() {
            return csv.clone();
        }
    }

    void save(AccountId account, StoredReport report);

    Optional<StoredReport> latest(AccountId account);
}
