package io.keywarden.core.port;

import io.keywarden.core.audit.AuditCheckpoint;
import io.keywarden.core.identity.AccountId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What audit retention needs of the trail's storage beyond {@link AuditStore}: the stored segments' ranges, the
 * checkpoint, pruning behind a new checkpoint, and a lease so that one node at a time archives.
 */
public interface AuditArchiveStore {
    /** A stored segment: the positions it covers and the time of its newest event. */
    record SegmentRange(long firstSeq, long lastSeq, Instant maxTime) {
    }

    /** Segments starting after position {@code afterSeq}, in order, at most {@code limit}. */
    List<SegmentRange> segmentsAfter(AccountId account, long afterSeq, int limit);

    /** Where the stored trail starts, once something was pruned. */
    Optional<AuditCheckpoint> checkpoint(AccountId account);

    /**
     * In one transaction: replaces the checkpoint {@code previous} (none when null) by {@code next}, and removes the
     * segments up to {@code next.lastSeq()}. Fails without changing anything when the stored checkpoint is not
     * {@code previous} (another node pruned meanwhile).
     */
    void prune(AccountId account, AuditCheckpoint previous, AuditCheckpoint next);

    /** Takes or renews the lease {@code name} for {@code holder} until {@code now + ttl}; false when someone else holds it. */
    boolean tryLease(String name, String holder, Instant now, Duration ttl);

    /** Gives the lease up (when {@code holder} holds it). */
    void releaseLease(String name, String holder);
}
