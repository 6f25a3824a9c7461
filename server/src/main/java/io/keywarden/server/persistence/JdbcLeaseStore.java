package io.keywarden.server.persistence;

import io.keywarden.core.port.LeaseStore;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/**
 * The nodes' named leases (table {@code audit_retention_lease}, one row per lease: {@code audit-retention} from V11,
 * {@code key-expiry} from V17): taken by a conditional UPDATE when free, expired or already held by the taker, so
 * that the database decides which node runs a job; a node that dies holding a lease is replaced once it expires.
 */
@Singleton
public class JdbcLeaseStore implements LeaseStore {
    private final JdbcOperations jdbc;

    public JdbcLeaseStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public boolean tryLease(String name, String holder, Instant now, Duration ttl) {
        return jdbc.prepareStatement("UPDATE audit_retention_lease SET holder = ?, expires_at = ? WHERE name = ?"
                + " AND (holder IS NULL OR holder = ? OR expires_at < ?)", ps -> {
            ps.setString(1, holder);
            Sql.setInstant(ps, 2, now.plus(ttl));
            ps.setString(3, name);
            ps.setString(4, holder);
            Sql.setInstant(ps, 5, now);
            return ps.executeUpdate() == 1;
        });
    }

    @Override
    @Transactional
    public void releaseLease(String name, String holder) {
        jdbc.prepareStatement("UPDATE audit_retention_lease SET holder = NULL, expires_at = NULL WHERE name = ?"
                + " AND holder = ?", ps -> {
            ps.setString(1, name);
            ps.setString(2, holder);
            return ps.executeUpdate();
        });
    }
}
