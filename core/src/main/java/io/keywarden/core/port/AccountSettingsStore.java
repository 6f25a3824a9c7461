package io.keywarden.core.port;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.password.PasswordPolicy;

import java.util.Optional;

/** Persistence of an account's password policy and its alias (at most one alias per account, unique everywhere). */
public interface AccountSettingsStore {
    Optional<PasswordPolicy> passwordPolicy(AccountId account);

    void putPasswordPolicy(AccountId account, PasswordPolicy policy);

    /** False when the account had no policy. */
    boolean deletePasswordPolicy(AccountId account);

    Optional<String> alias(AccountId account);

    /**
     * Sets the account's alias, replacing the one it had; throws {@code EntityAlreadyExists} when another account holds
     * it (the database decides).
     */
    void putAlias(AccountId account, String alias);

    /** False when the account does not have this alias. */
    boolean deleteAlias(AccountId account, String alias);

    Optional<AccountId> accountByAlias(String alias);
}
