package io.keywarden.server.config;

import io.keywarden.server.settings.KeywardenConfig;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.server.persistence.JdbcAccountStore;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The account this server hosts: the configured {@code keywarden.account-id}, or a random one chosen at first start;
 * either way persisted in {@code accounts}, and a configured ID that differs from the stored one stops the start.
 */
final class AccountBootstrap {
    private AccountBootstrap() {
    }

    static Account loadOrCreate(KeywardenConfig config, JdbcAccountStore accounts, Clock clock, SecureRandom random) {
        AccountId configured = null;
        if (config.getAccountId() != null) {
            try {
                configured = AccountId.of(config.getAccountId());
            } catch (KeywardenException e) {
                throw new IllegalStateException("keywarden.account-id (KEYWARDEN_ACCOUNT_ID) must be 12 digits, got '"
                        + config.getAccountId() + "'");
            }
        }
        List<Account> stored = accounts.findAll();
        if (stored.size() > 1) {
            if (configured != null) {
                for (Account a : stored) {
                    if (a.id().equals(configured)) {
                        return a;
                    }
                }
                throw mismatch(configured, stored.get(0).id());
            }
            throw new IllegalStateException("the database hosts " + stored.size()
                    + " accounts; set keywarden.account-id (KEYWARDEN_ACCOUNT_ID) to choose one");
        }
        if (stored.size() == 1) {
            Account account = stored.get(0);
            if (configured != null && !configured.equals(account.id())) {
                throw mismatch(configured, account.id());
            }
            return account;
        }
        Account account = new Account(configured != null ? configured : AccountId.random(random),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        accounts.insert(account);
        return account;
    }

    private static IllegalStateException mismatch(AccountId configured, AccountId stored) {
        return new IllegalStateException("keywarden.account-id (KEYWARDEN_ACCOUNT_ID) is " + configured
                + " but the database in the data folder belongs to account " + stored
                + "; unset it, set it to " + stored + ", or point keywarden.data-dir at another folder");
    }
}
