package io.keywarden.core.testing;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.password.PasswordPolicy;
import io.keywarden.core.port.AccountSettingsStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Password policies and aliases in memory. */
public final class InMemoryAccountSettingsStore implements AccountSettingsStore {
    private final Map<AccountId, PasswordPolicy> policies = new ConcurrentHashMap<>();
    private final Map<AccountId, String> aliases = new ConcurrentHashMap<>();

    @Override
    public Optional<PasswordPolicy> passwordPolicy(AccountId account) {
        return Optional.ofNullable(policies.get(account));
    }

    @Override
    public void putPasswordPolicy(AccountId account, PasswordPolicy policy) {
        policies.put(account, policy);
    }

    @Override
    public boolean deletePasswordPolicy(AccountId account) {
        return policies.remove(account) != null;
    }

    @Override
    public Optional<String> alias(AccountId account) {
        return Optional.ofNullable(aliases.get(account));
    }

    @Override
    public synchronized void putAlias(AccountId account, String alias) {
        if (accountByAlias(alias).filter(a -> !a.equals(account)).isPresent()) {
            throw KeywardenException.of(ErrorCode.ENTITY_ALREADY_EXISTS, "The account alias " + alias
                    + " already exists.");
        }
        aliases.put(account, alias);
    }

    @Override
    public boolean deleteAlias(AccountId account, String alias) {
        return aliases.remove(account, alias);
    }

    @Override
    public Optional<AccountId> accountByAlias(String alias) {
        return aliases.entrySet().stream().filter(e -> e.getValue().equals(alias)).map(Map.Entry::getKey).findFirst();
    }
}
