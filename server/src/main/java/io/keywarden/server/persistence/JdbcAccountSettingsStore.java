package io.keywarden.server.persistence;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.password.PasswordPolicy;
import io.keywarden.core.port.AccountSettingsStore;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.Optional;

/**
 * {@link AccountSettingsStore} over JDBC: one password policy row per account; one alias row per account, the unique
 * constraint on the alias deciding which account gets a contested one.
 */
@Singleton
public class JdbcAccountSettingsStore implements AccountSettingsStore {
    private final JdbcOperations jdbc;

    public JdbcAccountSettingsStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @ReadOnly
    public Optional<PasswordPolicy> passwordPolicy(AccountId account) {
        return jdbc.prepareStatement("SELECT minimum_password_length, require_symbols, require_numbers,"
                + " require_uppercase_characters, require_lowercase_characters, allow_users_to_change_password,"
                + " max_password_age, password_reuse_prevention, hard_expiry FROM account_password_policies"
                + " WHERE account_id = ?", ps -> {
            ps.setString(1, account.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Integer age = rs.getObject(7) == null ? null : rs.getInt(7);
                Integer reuse = rs.getObject(8) == null ? null : rs.getInt(8);
                return Optional.of(PasswordPolicy.of(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), age, reuse, rs.getBoolean(9)));
            }
        });
    }

    @Override
    @Transactional
    public void putPasswordPolicy(AccountId account, PasswordPolicy p) {
        jdbc.execute(conn -> {
            try (PreparedStatement del = conn.prepareStatement(
                    "DELETE FROM account_password_policies WHERE account_id = ?")) {
                del.setString(1, account.value());
                del.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO account_password_policies (account_id,"
                    + " minimum_password_length, require_symbols, require_numbers, require_uppercase_characters,"
                    + " require_lowercase_characters, allow_users_to_change_password, max_password_age,"
                    + " password_reuse_prevention, hard_expiry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, account.value());
                ps.setInt(2, p.minimumPasswordLength());
                ps.setBoolean(3, p.requireSymbols());
                ps.setBoolean(4, p.requireNumbers());
                ps.setBoolean(5, p.requireUppercaseCharacters());
                ps.setBoolean(6, p.requireLowercaseCharacters());
                ps.setBoolean(7, p.allowUsersToChangePassword());
                if (p.maxPasswordAge() == null) {
                    ps.setNull(8, Types.INTEGER);
                } else {
                    ps.setInt(8, p.maxPasswordAge());
                }
                if (p.passwordReusePrevention() == null) {
                    ps.setNull(9, Types.INTEGER);
                } else {
                    ps.setInt(9, p.passwordReusePrevention());
                }
                ps.setBoolean(10, p.hardExpiry());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    @Transactional
    public boolean deletePasswordPolicy(AccountId account) {
        return jdbc.prepareStatement("DELETE FROM account_password_policies WHERE account_id = ?", ps -> {
            ps.setString(1, account.value());
            return ps.executeUpdate() > 0;
        });
    }

    @Override
    @ReadOnly
    public Optional<String> alias(AccountId account) {
        return jdbc.prepareStatement("SELECT alias FROM account_aliases WHERE account_id = ?", ps -> {
            ps.setString(1, account.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    @Override
    @Transactional
    public void putAlias(AccountId account, String alias) {
        boolean stored = jdbc.execute(conn -> Sql.inSavepoint(conn, () -> {
            try (PreparedStatement del = conn.prepareStatement("DELETE FROM account_aliases WHERE account_id = ?")) {
                del.setString(1, account.value());
                del.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO account_aliases (account_id, alias) VALUES (?, ?)")) {
                ps.setString(1, account.value());
                ps.setString(2, alias);
                ps.executeUpdate();
            }
            return true;
        }, Sql.when(Sql::isUniqueViolation, false)));
        if (!stored) {
            throw KeywardenException.of(ErrorCode.ENTITY_ALREADY_EXISTS, "The account alias " + alias
                    + " already exists.");
        }
    }

    @Override
    @Transactional
    public boolean deleteAlias(AccountId account, String alias) {
        return jdbc.prepareStatement("DELETE FROM account_aliases WHERE account_id = ? AND alias = ?", ps -> {
            ps.setString(1, account.value());
            ps.setString(2, alias);
            return ps.executeUpdate() > 0;
        });
    }

    @Override
    @ReadOnly
    public Optional<AccountId> accountByAlias(String alias) {
        return jdbc.prepareStatement("SELECT account_id FROM account_aliases WHERE alias = ?", ps -> {
            ps.setString(1, alias);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(AccountId.of(rs.getString(1))) : Optional.empty();
            }
        });
    }
}
