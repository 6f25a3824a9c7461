package io.keywarden.core.audit;

import java.util.Objects;

/**
 * An {@link AuditRecord} in its place in the account's chain: its position {@code seq} (1, 2, 3, ... without gaps),
 * the hash of the event before it ({@link AuditChain#GENESIS} for the first) and its own hash over
 * {@link AuditChain#canonicalForm}.
 */
public record AuditEvent(long seq, AuditRecord record, String prevHash, String hash) {
    public AuditEvent {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be at least 1, got " + seq);
        }
    }
}
