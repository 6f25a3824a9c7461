package io.keywarden.server.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.keywarden.core.expiry.KeyExpiryPolicy;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.port.KeyExpiryStore;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link KeyExpiryStore} over JDBC (V17): the policy as JSON in {@code key_expiry_policies}, one row per account; the
 * scheduler's marks in {@code key_expiry_marks}, set by an INSERT that skips a mark already there (so it joins the
 * caller's transaction without a unique violation aborting it).
 */
@Singleton
public class JdbcKeyExpiryStore implements KeyExpiryStore {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final JdbcOperations jdbc;

    public JdbcKeyExpiryStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @ReadOnly
    public Optional<StoredPolicy> policy(AccountId account) {
        return jdbc.prepareStatement("SELECT policy, updated_at FROM key_expiry_policies WHERE account_id = ?", ps -> {
            ps.setString(1, account.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredPolicy(read(rs.getString(1)), Sql.getInstant(rs, "updated_at")));
            }
        });
    }

    @Override
    @Transactional
    public void putPolicy(AccountId account, KeyExpiryPolicy policy, Instant at) {
        String json = write(policy);
        jdbc.execute(conn -> {
            try (PreparedStatement del = conn.prepareStatement(
                    "DELETE FROM key_expiry_policies WHERE account_id = ?")) {
                del.setString(1, account.value());
                del.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO key_expiry_policies (account_id, policy,"
                    + " updated_at) VALUES (?, ?, ?)")) {
                ps.setString(1, account.value());
                ps.setString(2, json);
                Sql.setInstant(ps, 3, at);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    @Transactional
    public boolean deletePolicy(AccountId account) {
        return jdbc.prepareStatement("DELETE FROM key_expiry_policies WHERE account_id = ?", ps -> {
            ps.setString(1, account.value());
            return ps.executeUpdate() > 0;
        });
    }

    @Override
    @ReadOnly
    public Map<String, Map<String, Instant>> marks(AccountId account) {
        return jdbc.prepareStatement("SELECT access_key_id, mark, marked_at FROM key_expiry_marks"
                + " WHERE account_id = ?", ps -> {
            ps.setString(1, account.value());
            Map<String, Map<String, Instant>> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                            Sql.getInstant(rs, "marked_at"));
                }
            }
            return out;
        });
    }

    @Override
    @Transactional
    public boolean mark(AccountId account, String accessKeyId, String mark, Instant at) {
        return jdbc.prepareStatement("INSERT INTO key_expiry_marks (account_id, access_key_id, mark, marked_at)"
                + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM key_expiry_marks WHERE account_id = ?"
                + " AND access_key_id = ? AND mark = ?)", ps -> {
            ps.setString(1, account.value());
            ps.setString(2, accessKeyId);
            ps.setString(3, mark);
            Sql.setInstant(ps, 4, at);
            ps.setString(5, account.value());
            ps.setString(6, accessKeyId);
            ps.setString(7, mark);
            return ps.executeUpdate() == 1;
        });
    }

    @Override
    @Transactional
    public void unmark(AccountId account, String accessKeyId, String mark) {
        jdbc.prepareStatement("DELETE FROM key_expiry_marks WHERE account_id = ? AND access_key_id = ? AND mark = ?",
                ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, accessKeyId);
                    ps.setString(3, mark);
                    return ps.executeUpdate();
                });
    }

    @Override
    @Transactional
    public void forget(AccountId account, String accessKeyId) {
        jdbc.prepareStatement("DELETE FROM key_expiry_marks WHERE account_id = ? AND access_key_id = ?", ps -> {
            ps.setString(1, account.value());
            ps.setString(2, accessKeyId);
            return ps.executeUpdate();
        });
    }

    static String write(KeyExpiryPolicy policy) {
        try {
            return JSON.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeyExpiryPolicy read(String json) {
        try {
            return JSON.readValue(json, KeyExpiryPolicy.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
