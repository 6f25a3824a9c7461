package io.keywarden.server.persistence;

import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.port.SealedSecretStore;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link SealedSecretStore} over {@code access_keys}: counts by {@code sealed_version} (indexed, V10) and re-seals
 * with an UPDATE conditional on the sealed form read, so that a key deleted meanwhile stays deleted. A re-seal
 * appends nothing to the change log: caches hold opened secrets, which a re-seal does not change.
 */
@Singleton
public class JdbcSealedSecretStore implements SealedSecretStore {
    private final JdbcOperations jdbc;

    public JdbcSealedSecretStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @ReadOnly
    public Map<Integer, Long> countByVersion() {
        return jdbc.prepareStatement("SELECT sealed_version, COUNT(*) AS n FROM access_keys"
                + " WHERE sealed_version IS NOT NULL GROUP BY sealed_version", ps -> {
            Map<Integer, Long> out = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt("sealed_version"), rs.getLong("n"));
                }
            }
            return out;
        });
    }

    @Override
    @ReadOnly
    public List<SealedSecret> sealedNotUnder(int version, String afterId, int limit) {
        return jdbc.prepareStatement("SELECT access_key_id, sealed_secret FROM access_keys"
                + " WHERE sealed_version IS NOT NULL AND sealed_version <> ? AND deleted_at IS NULL"
                + (afterId == null ? "" : " AND access_key_id > ?") + " ORDER BY access_key_id LIMIT ?", ps -> {
            int i = 1;
            ps.setInt(i++, version);
            if (afterId != null) {
                ps.setString(i++, afterId);
            }
            ps.setInt(i, limit);
            List<SealedSecret> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SealedSecret(AccessKeyId.of(rs.getString("access_key_id")),
                            rs.getString("sealed_secret")));
                }
            }
            return out;
        });
    }

    @Override
    @Transactional
    public int replace(List<Replacement> replacements) {
        if (replacements.isEmpty()) {
            return 0;
        }
        return jdbc.prepareStatement("UPDATE access_keys SET sealed_secret = ?, sealed_version = ?"
                + " WHERE access_key_id = ? AND sealed_secret = ? AND deleted_at IS NULL", ps -> {
            for (Replacement r : replacements) {
                ps.setString(1, r.resealed());
                ps.setInt(2, r.version());
                ps.setString(3, r.id().value());
                ps.setString(4, r.expected());
                ps.addBatch();
            }
            int n = 0;
            for (int count : ps.executeBatch()) {
                // a driver may answer SUCCESS_NO_INFO (-2): the row was updated
                n += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, count);
            }
            return n;
        });
    }
}
