package io.keywarden.server.persistence;

import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
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
}
