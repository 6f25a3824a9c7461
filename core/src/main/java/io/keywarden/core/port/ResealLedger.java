package io.keywarden.core.port;

import java.time.Instant;

/**
 * The shared record of the background re-seal (master key rotation): which node may run it now (a lease with an
 * expiry, taken and renewed by conditional updates, so that exactly one node re-seals at a time and another takes over
 * when the holder dies), and how far it got (so that a run interrupted by a restart goes on where it stopped).
 */
public interface ResealLedger {

    /**
     * The ledger as read.
     *
     * @param targetVersion the version the last run re-sealed to (null before any)
     * @param leaseHolder   the node holding or last holding the lease (null when released)
     * @param cursor        the last access key ID handled by the run towards {@code targetVersion}
     * @param resealed      secrets re-sealed towards {@code targetVersion}
     */
    record State(Integer targetVersion, String leaseHolder, Instant leaseExpiresAt, String cursor, long resealed,
                 Instant startedAt, Instant lastBatchAt, Instant finishedAt, String lastError) {
        public static final State EMPTY = new State(null, null, null, null, 0, null, null, null, null);

        /** Whether some node holds the lease at {@code now}. */
        public boolean leased(Instant now) {
            return leaseHolder != null && leaseExpiresAt != null && leaseExpiresAt.isAfter(now);
        }
    }

    State read();

    /**
     * Takes the lease for {@code holder} until {@code expiresAt} when nobody holds it at {@code now} (or {@code holder}
     * does already). When {@code targetVersion} differs from the recorded one, the progress starts over.
     *
     * @return whether {@code holder} holds the lease now
     */
    boolean acquire(String holder, int targetVersion, Instant now, Instant expiresAt);

    /**
     * Records a batch done and renews the lease, only while {@code holder} holds it.
     *
     * @return false when the lease was lost (another node took it after it expired): stop
     */
    boolean progress(String holder, String cursor, long resealedDelta, Instant now, Instant expiresAt);

    /** Marks the run towards the current target finished and releases the lease (only while {@code holder} holds it). */
    void finish(String holder, Instant now);

    /** Releases the lease, recording {@code error} (null: none) (only while {@code holder} holds it). */
    void release(String holder, String error);
}
