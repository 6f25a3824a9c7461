package io.keywarden.server.persistence;

import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code accounts} table: the account(s) this server hosts (one for now). */
@Singleton
public class JdbcAccountStore {
    private final JdbcOperations jdbc;

    public JdbcAccountStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    public List<Account> findAll() {
        return jdbc.prepareStatement("SELECT id, create_date FROM accounts ORDER BY create_date, id", ps -> {
            List<Account> accounts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    accounts.add(new Account(AccountId.of(rs.getString("id")), Sql.getInstant(rs, "create_date")));
                }
            }
            return accounts;
        });
    }

    @Transactional
    public void insert(Account account) {
        jdbc.prepareStatement("INSERT INTO accounts (id, create_date) VALUES (?, ?)", ps -> {
            ps.setString(1, account.id().value());
            Sql.setInstant(ps, 2, account.createDate());
            return ps.executeUpdate();
        });
    }

    /**
     * Claims the root-key bootstrap of an account: true for exactly one caller ever (the first to ask, across nodes:
     * a conditional update decides), false once it was claimed.
     */
    @Transactional
    public boolean claimRootKeyBootstrap(AccountId account, Instant now) {
        return jdbc.prepareStatement("UPDATE accounts SET root_key_bootstrapped_at = ? WHERE id = ?"
                + " AND root_key_bootstrapped_at IS NULL", ps -> {
            Sql.setInstant(ps, 1, now);
            ps.setString(2, account.value());
            return ps.executeUpdate() == 1;
        });
    }
}
