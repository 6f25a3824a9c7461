package io.keywarden.sdk.model;

import java.util.OptionalLong;

/**
 * The outcome of verifying the audit trail's hash chain.
 *
 * @param intact        whether every event matches its hash and follows the one before it
 * @param eventsChecked how many events were found intact (all of them when {@code intact})
 * @param lastSeq       the position of the last event checked; keep it with {@code lastHash} somewhere else to
 *                      detect events later removed from the end
 * @param lastHash      the hash of that event
 * @param reason        why the chain is broken; {@code null} when intact
 * @param checkpoint    see {@link #checkpointSeq()}
 */
public record AuditVerification(boolean intact, long eventsChecked, long lastSeq, String lastHash,
                                Long brokenAt, String reason, Long checkpoint) {
    /** The outcome of a whole chain's verification (no checkpoint). */
    public AuditVerification(boolean intact, long eventsChecked, long lastSeq, String lastHash, Long brokenAt,
                             String reason) {
        this(intact, eventsChecked, lastSeq, lastHash, brokenAt, reason, null);
    }

    /**
     * The position of the signed checkpoint verification started after, once older events were archived and pruned
     * (audit retention); empty when the whole trail was checked.
     */
    public OptionalLong checkpointSeq() {
        return checkpoint == null ? OptionalLong.empty() : OptionalLong.of(checkpoint);
    }

    /** The position of the first broken link (a changed, missing or misplaced event); empty when intact. */
    public OptionalLong firstBrokenSeq() {
        return brokenAt == null ? OptionalLong.empty() : OptionalLong.of(brokenAt);
    }
}
