package io.keywarden.core.audit;

import java.util.Optional;

/**
 * Checks a chain, fed one event at a time in {@code seq} order (so a long trail never has to fit in memory), and
 * reports the first broken link: an event whose contents no longer match its hash (changed), whose prevHash is not
 * the hash of the event before it (inserted, reordered or re-hashed), a missing position (removed), or a chain head
 * that names more events than the trail holds (removed from the end). It starts from the first event, or after a
 * checkpoint ({@link #after}) when older events were archived.
 */
public final class AuditVerifier {
    private final long startedAfter;
    private long expectedSeq;
    private String prevHash;
    private long checked;
    private BrokenLink broken;

    /** A verifier of a whole chain, from its first event. */
    public AuditVerifier() {
        this(0, AuditChain.GENESIS);
    }

    private AuditVerifier(long afterSeq, String afterHash) {
        this.startedAfter = afterSeq;
        this.expectedSeq = afterSeq + 1;
        this.prevHash = afterHash;
    }

    /**
     * A verifier of the chain after event {@code seq} whose hash is {@code hash} (from an audit checkpoint, whose
     * signature the caller checked, or an archive's header).
     */
    public static AuditVerifier after(long seq, String hash) {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative, got " + seq);
        }
        return new AuditVerifier(seq, java.util.Objects.requireNonNull(hash, "hash"));
    }

    /** A verifier that already failed: the checkpoint it would start from does not hold ({@code reason}). */
    public static AuditVerifier brokenCheckpoint(long seq, String reason) {
        AuditVerifier v = new AuditVerifier(seq, AuditChain.GENESIS);
        v.broken = new BrokenLink(seq, reason);
        return v;
    }

    /** The first problem found: the position where the chain breaks and why. */
    public record BrokenLink(long seq, String reason) {
    }

    /**
     * The outcome of a verification.
     *
     * @param startedAfter 0 when the whole chain was checked; else the position of the checkpoint it started from
     *                     (the events up to it were archived and pruned)
     */
    public record Result(long eventsChecked, long lastSeq, String lastHash, Optional<BrokenLink> brokenLink,
                         long startedAfter) {
        public boolean intact() {
            return brokenLink.isEmpty();
        }
    }

    /** Checks the next event; returns false once the chain is broken (later events are not looked at). */
    public boolean accept(AuditEvent event) {
        if (broken != null) {
            return false;
        }
        if (event.seq() != expectedSeq) {
            broken = event.seq() > expectedSeq
                    ? new BrokenLink(expectedSeq, "event " + expectedSeq + " is missing (the next stored event is "
                    + event.seq() + ")")
                    : new BrokenLink(event.seq(), "event " + event.seq() + " is out of order (expected "
                    + expectedSeq + ")");
            return false;
        }
        if (!AuditChain.hashMatches(event)) {
            broken = new BrokenLink(event.seq(), "event " + event.seq() + " does not match its hash: it was changed");
            return false;
        }
        if (!event.prevHash().equals(prevHash)) {
            broken = new BrokenLink(event.seq(), "event " + event.seq() + " does not follow event " + (event.seq() - 1)
                    + ": its previous-event hash differs");
            return false;
        }
        prevHash = event.hash();
        expectedSeq++;
        checked++;
        return true;
    }

    /**
     * The result, given the chain head the store keeps ({@code headSeq} 0 and {@link AuditChain#GENESIS} for an
     * empty trail).
     */
    public Result finish(long headSeq, String headHash) {
        long last = expectedSeq - 1;
        if (broken == null && headSeq != last) {
            broken = headSeq > last
                    ? new BrokenLink(last + 1, "the chain head names event " + headSeq + " but the trail ends at event "
                    + last + ": events were removed from the end")
                    : new BrokenLink(headSeq + 1, "the trail holds events after the chain head (event " + headSeq + ")");
        }
        if (broken == null && !headHash.equals(prevHash)) {
            broken = new BrokenLink(last, "event " + last + " does not match the chain head's hash");
        }
        return new Result(checked, last, prevHash, Optional.ofNullable(broken), startedAfter);
    }
}
