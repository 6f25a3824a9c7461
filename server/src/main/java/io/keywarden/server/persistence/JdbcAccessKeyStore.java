package io.keywarden.server.persistence;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.StoredAccessKey;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AccessKeyStore} over JDBC (H2 or PostgreSQL). The unique constraint on (account, owner, slot) is what makes
 * the per-user key limit hold under concurrency; deleted keys keep their row (slot NULL, {@code deleted_at} set,
 * sealed secret wiped) so their ID is never issued again. Every change of a key appends to the {@link JdbcChangeLog}
 * in the same transaction, so that other nodes drop their cached copy.
 */
@Singleton
public class JdbcAccessKeyStore implements AccessKeyStore {
    /** Replaces the sealed secret of a deleted key: nothing needs it any more. */
    static final String WIPED_SECRET = "deleted";
    private static final int IN_LIST_CHUNK = 500;

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final JdbcChangeLog changes;

    public JdbcAccessKeyStore(JdbcOperations jdbc, Clock clock, JdbcChangeLog changes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.changes = changes;
    }

    @Override
    @Transactional
    public InsertResult insert(StoredAccessKey stored, int slot) {
        if (slot < 1) {
            throw new IllegalArgumentException("slot must be at least 1, got " + slot);
        }
        AccessKey key = stored.key();
        return jdbc.execute(conn -> {
            InsertResult inserted = Sql.inSavepoint(conn, () -> {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO access_keys (access_key_id, account_id,"
                        + " owner_id, owner_name, status, create_date, sealed_secret, slot, sealed_version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, key.id().value());
                    ps.setString(2, key.accountId().value());
                    ps.setString(3, key.owner().id());
                    ps.setString(4, key.owner().name().map(n -> n.value()).orElse(null));
                    ps.setString(5, key.status().wireName());
                    Sql.setInstant(ps, 6, key.createDate());
                    ps.setString(7, stored.sealedSecret());
                    ps.setInt(8, slot);
                    ps.setInt(9, sealedVersion(stored.sealedSecret()));
                    ps.executeUpdate();
                    // another node may hold "no such key" for this ID in its cache
                    changes.append(conn, JdbcChangeLog.Kind.ACCESS_KEY, key.id().value());
                    return InsertResult.INSERTED;
                }
            }, Sql.when(Sql::isUniqueViolation, null)); // null: the ID or the owner's slot was taken meanwhile
            if (inserted != null) {
                return inserted;
            }
            // which constraint? ask the primary key rather than parse a vendor message
            try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM access_keys WHERE access_key_id = ?")) {
                ps.setString(1, key.id().value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? InsertResult.ID_TAKEN : InsertResult.SLOT_TAKEN;
                }
            }
        });
    }

    @Override
    @ReadOnly
    public Optional<StoredAccessKey> find(AccessKeyId id) {
        return jdbc.prepareStatement("SELECT " + AccessKeyRow.COLUMNS
                + " FROM access_keys WHERE access_key_id = ? AND deleted_at IS NULL", ps -> {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(AccessKeyRow.read(rs).toStored()) : Optional.empty();
            }
        });
    }

    /** Any row with this ID, deleted or not (for tests and diagnostics). */
    @ReadOnly
    public Optional<AccessKeyRow> findRow(AccessKeyId id) {
        return jdbc.prepareStatement("SELECT " + AccessKeyRow.COLUMNS + " FROM access_keys WHERE access_key_id = ?",
                ps -> {
                    ps.setString(1, id.value());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(AccessKeyRow.read(rs)) : Optional.empty();
                    }
                });
    }

    /** One live key of the account (any), to check at start-up that the master key opens the stored secrets. */
    @ReadOnly
    public Optional<StoredAccessKey> findAnyLive(AccountId account) {
        return jdbc.prepareStatement("SELECT " + AccessKeyRow.COLUMNS
                + " FROM access_keys WHERE account_id = ? AND deleted_at IS NULL ORDER BY create_date LIMIT 1", ps -> {
            ps.setString(1, account.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(AccessKeyRow.read(rs).toStored()) : Optional.empty();
            }
        });
    }

    @Override
    @ReadOnly
    public List<AccessKey> listByOwner(AccountId account, String ownerId) {
        return jdbc.prepareStatement("SELECT " + AccessKeyRow.COLUMNS + " FROM access_keys"
                + " WHERE account_id = ? AND owner_id = ? AND deleted_at IS NULL ORDER BY create_date, access_key_id",
                ps -> {
                    ps.setString(1, account.value());
                    ps.setString(2, ownerId);
                    List<AccessKey> keys = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            keys.add(AccessKeyRow.read(rs).toAccessKey());
                        }
                    }
                    return keys;
                });
    }

    /** The keys and, in the same read-only transaction, the owner's tags that describe them (key ID to value). */
    @Override
    @ReadOnly
    public Listing listingByOwner(AccountId account, String ownerId) {
        List<AccessKey> keys = listByOwner(account, ownerId);
        if (keys.isEmpty()) {
            return new Listing(keys, java.util.Map.of());
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        keys.forEach(k -> ids.add(k.id().value()));
        java.util.Map<String, String> descriptions = jdbc.prepareStatement("SELECT tag_key, tag_value FROM user_tags"
                + " WHERE user_id = ? AND account_id = ?", ps -> {
                    ps.setString(1, ownerId);
                    ps.setString(2, account.value());
                    java.util.Map<String, String> out = new java.util.HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String key = rs.getString(1).toUpperCase(java.util.Locale.ROOT);
                            if (ids.contains(key)) {
                                out.put(key, rs.getString(2));
                            }
                        }
                    }
                    return out;
                });
        return new Listing(keys, descriptions);
    }

    @Override
    @Transactional
    public boolean updateStatus(AccessKeyId id, KeyStatus status) {
        return jdbc.prepareStatement(
                "UPDATE access_keys SET status = ? WHERE access_key_id = ? AND deleted_at IS NULL", ps -> {
                    ps.setString(1, status.wireName());
                    ps.setString(2, id.value());
                    return changed(ps, id);
                });
    }

    @Override
    @Transactional
    public boolean delete(AccessKeyId id) {
        Instant now = clock.instant();
        return jdbc.prepareStatement("UPDATE access_keys SET slot = NULL, deleted_at = ?, status = ?,"
                + " sealed_secret = ?, sealed_version = NULL WHERE access_key_id = ? AND deleted_at IS NULL", ps -> {
            Sql.setInstant(ps, 1, now);
            ps.setString(2, KeyStatus.INACTIVE.wireName());
            ps.setString(3, WIPED_SECRET);
            ps.setString(4, id.value());
            return changed(ps, id);
        });
    }

    /** The master key version of a sealed form ({@code v<version>:…}); anything else is a programming error. */
    static int sealedVersion(String sealed) {
        int version = io.keywarden.core.crypto.SecretSealer.versionOf(sealed);
        if (version < 1) {
            throw new IllegalArgumentException("not a sealed secret (v<version>:<data>)");
        }
        return version;
    }

    /** Runs the update; when it changed the key, tells the other nodes in the same transaction. */
    private boolean changed(PreparedStatement ps, AccessKeyId id) throws SQLException {
        if (ps.executeUpdate() == 0) {
            return false;
        }
        changes.append(ps.getConnection(), JdbcChangeLog.Kind.ACCESS_KEY, id.value());
        return true;
    }

    /** One statement per key in one transaction; the WHERE clause makes the latest record win. */
    @Override
    @Transactional
    public void recordLastUsed(Map<AccessKeyId, LastUsed> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("UPDATE access_keys SET last_used_date = ?, last_used_service = ?, last_used_region = ?"
                + " WHERE access_key_id = ? AND (last_used_date IS NULL OR last_used_date < ?)", ps -> {
            for (Map.Entry<AccessKeyId, LastUsed> e : batch.entrySet()) {
                LastUsed used = e.getValue();
                Sql.setInstant(ps, 1, used.date());
                ps.setString(2, clip(used.serviceName()));
                ps.setString(3, clip(used.region()));
                ps.setString(4, e.getKey().value());
                Sql.setInstant(ps, 5, used.date());
                ps.addBatch();
            }
            ps.executeBatch();
            return null;
        });
    }

    /**
     * The owners' live keys in one statement per {@value #IN_LIST_CHUNK} owners, oldest first per owner (the credential
     * report reads 100,000 users this way in 200 statements rather than 100,000).
     */
    @Override
    @ReadOnly
    public Map<String, List<AccessKey>> listByOwners(AccountId account, Collection<String> ownerIds) {
        Map<String, List<AccessKey>> out = new java.util.LinkedHashMap<>();
        for (String owner : ownerIds) {
            out.put(owner, new ArrayList<>());
        }
        forEachChunk(List.copyOf(ownerIds), chunk -> jdbc.prepareStatement("SELECT " + AccessKeyRow.COLUMNS
                + " FROM access_keys WHERE owner_id IN (" + placeholders(chunk.size()) + ") AND deleted_at IS NULL"
                + " ORDER BY owner_id, create_date, access_key_id", ps -> {
            bindOwners(ps, chunk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AccessKey key = AccessKeyRow.read(rs).toAccessKey();
                    if (key.accountId().equals(account)) {
                        out.get(key.owner().id()).add(key);
                    }
                }
            }
            return null;
        }));
        return out;
    }

    @Override
    @ReadOnly
    public Map<String, Instant> oldestActiveKeyDates(AccountId account, Collection<String> ownerIds) {
        Map<String, Instant> out = new HashMap<>();
        forEachChunk(List.copyOf(ownerIds), chunk -> jdbc.prepareStatement("SELECT owner_id, account_id,"
                + " MIN(create_date) AS oldest FROM access_keys WHERE owner_id IN (" + placeholders(chunk.size()) + ")"
                + " AND deleted_at IS NULL AND status = 'Active' GROUP BY owner_id, account_id", ps -> {
            bindOwners(ps, chunk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (account.value().equals(rs.getString("account_id"))) {
                        out.put(rs.getString("owner_id"), Sql.getInstant(rs, "oldest"));
                    }
                }
            }
            return null;
        }));
        return out;
    }

    /*
     * Many owners at once: "owner_id IN (...)" alone, served by the owner index (V5). The account is checked on the
     * rows read rather than in the WHERE clause: with "account_id = ?" there, H2 chose the unique
     * (account_id, owner_id, slot) index and scanned every key of the account per statement (an IN list only uses an
     * index on its first column). Owner IDs are unique across accounts, so the check never drops a row that belongs.
     */

    private static void forEachChunk(List<String> ids, java.util.function.Consumer<List<String>> action) {
        for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
            action.accept(ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK)));
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bindOwners(PreparedStatement ps, List<String> owners) throws SQLException {
        int i = 1;
        for (String owner : owners) {
            ps.setString(i++, owner);
        }
    }

    /** Service and region come from the client's credential scope: keep them within the column size. */
    private static String clip(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64);
    }
}
