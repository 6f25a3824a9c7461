package io.keywarden.core.testing;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.port.CredentialReportStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CredentialReportStore} in memory. */
public final class InMemoryCredentialReportStore implements CredentialReportStore {
    private final Map<AccountId, StoredReport> reports = new ConcurrentHashMap<>();

    @Override
    public void save(AccountId account, StoredReport report) {
        reports.put(account, report);
    }

    @Override
    public Optional<StoredReport> latest(AccountId account) {
        return Optional.ofNullable(reports.get(account));
    }
}
