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
 */
public record AuditVerification(boolean intact, long eventsChecked, long lastSeq, String lastHash,
                                Long brokenAt, String reason) {
    /** The position of the first broken link (a changed, missing or misplaced event); empty when intact. */
    public OptionalLong firstBrokenSeq() {
        return brokenAt == null ? OptionalLong.empty() : OptionalLong.of(brokenAt);
    }
}
