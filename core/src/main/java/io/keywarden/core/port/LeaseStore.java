package io.keywarden.core.port;

import java.time.Duration;
import java.time.Instant;

/**
 * Named leases shared by the nodes of one database, so that a job runs on one node at a time: a lease is taken when
 * free, expired or already held by the taker, and lapses at its expiry if its holder dies.
 */
public interface LeaseStore {
    /** Takes or renews lease {@code name} for {@code holder} until {@code now + ttl}; false when another holds it. */
    boolean tryLease(String name, String holder, Instant now, Duration ttl);

    /** Gives the lease back if {@code holder} holds it. */
    void releaseLease(String name, String holder);
}
