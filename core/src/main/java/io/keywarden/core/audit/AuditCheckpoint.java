package io.keywarden.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where the stored trail starts once older events were archived and pruned: the last archived event's position and
 * chain hash, when that event happened, the archive file that holds it, when the checkpoint was made, and an HMAC over
 * all of it ({@link AuditCheckpointSigner}), so that whoever can write to the database but does not hold the master
 * key can neither move the checkpoint nor invent one to hide removed events.
 *
 * @param keyVersion the version of the master key the signing key was derived from
 * @param signature  lowercase hex HMAC-SHA256 of {@link #signedText()}
 */
public record AuditCheckpoint(String accountId, long lastSeq, String lastHash, Instant lastEventTime, String archive,
                              Instant createdAt, int keyVersion, String signature) {
    public static final String VERSION = "keywarden-audit-checkpoint-v1";

    public AuditCheckpoint {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(lastHash, "lastHash");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(signature, "signature");
        lastEventTime = Objects.requireNonNull(lastEventTime, "lastEventTime").truncatedTo(ChronoUnit.MILLIS);
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
        if (lastSeq < 1) {
            throw new IllegalArgumentException("a checkpoint follows at least one event, got seq " + lastSeq);
        }
    }

    /**
     * The text that is signed: {@value #VERSION} and one line per field (account, seq, hash, event time, archive,
     * creation time, key version), times as in {@link AuditChain} (UTC, milliseconds).
     */
    public String signedText() {
        return VERSION + "\n" + accountId + "\n" + lastSeq + "\n" + lastHash + "\n"
                + AuditChain.formatTime(lastEventTime) + "\n" + archive + "\n" + AuditChain.formatTime(createdAt)
                + "\n" + keyVersion;
    }

    /** The same checkpoint with another signature (signing; tests that tamper). */
    public AuditCheckpoint withSignature(String newSignature) {
        return new AuditCheckpoint(accountId, lastSeq, lastHash, lastEventTime, archive, createdAt, keyVersion,
                newSignature);
    }
}
