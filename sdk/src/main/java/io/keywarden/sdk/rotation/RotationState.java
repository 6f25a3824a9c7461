package io.keywarden.sdk.rotation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A rotation's progress as persisted by a {@link RotationStateStore} after each step. It holds key IDs and dates,
 * never a secret: a run that stops after creating the new key but before the sink has it cannot recover that secret,
 * so the next run deletes the never-used key and starts again (see {@link KeyRotator}).
 *
 * @param phase           how far the rotation got
 * @param userName        the user whose key is rotated as the API addresses it ({@code ~} for the caller's own)
 * @param oldAccessKeyId  the key being replaced
 * @param newAccessKeyId  the replacement, {@code null} before it exists
 * @param startedAt       when the rotation started
 * @param updatedAt       when this state was written
 * @param switchedAt      when the switch to the new key began (from then on the sink or provider may hold it), or
 *                        {@code null}
 * @param deactivatedAt   when the old key was deactivated, or {@code null}
 * @param deleteNotBefore from when the old key may be deleted (the grace period's end), or {@code null}
 * @param reason          why it is rolling back, or {@code null}
 */
public record RotationState(RotationPhase phase, String userName, String oldAccessKeyId, String newAccessKeyId,
                            Instant startedAt, Instant updatedAt, Instant switchedAt, Instant deactivatedAt,
                            Instant deleteNotBefore, String reason) {
    public RotationState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(oldAccessKeyId, "oldAccessKeyId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (newAccessKeyId == null && phase != RotationPhase.STARTED && phase != RotationPhase.ROLLING_BACK
                && phase != RotationPhase.ROLLED_BACK) {
            throw new IllegalArgumentException("a rotation in phase " + phase + " must name its new key");
        }
    }

    /** A rotation of {@code userName}'s key {@code oldAccessKeyId} that has just started. */
    public static RotationState started(String userName, String oldAccessKeyId, Instant now) {
        return new RotationState(RotationPhase.STARTED, userName, oldAccessKeyId, null, now, now, null, null, null,
                null);
    }

    /** This state moved to {@code next} at {@code now}. */
    public RotationState moveTo(RotationPhase next, Instant now) {
        return new RotationState(next, userName, oldAccessKeyId, newAccessKeyId, startedAt, now,
                next == RotationPhase.SWITCHING && switchedAt == null ? now : switchedAt,
                next == RotationPhase.DEACTIVATED && deactivatedAt == null ? now : deactivatedAt,
                deleteNotBefore, reason);
    }

    public RotationState withNewAccessKeyId(String id, Instant now) {
        return new RotationState(phase, userName, oldAccessKeyId, id, startedAt, now, switchedAt, deactivatedAt,
                deleteNotBefore, reason);
    }

    public RotationState withDeleteNotBefore(Instant notBefore) {
        return new RotationState(phase, userName, oldAccessKeyId, newAccessKeyId, startedAt, updatedAt, switchedAt,
                deactivatedAt, notBefore, reason);
    }

    public RotationState withReason(String why) {
        return new RotationState(phase, userName, oldAccessKeyId, newAccessKeyId, startedAt, updatedAt, switchedAt,
                deactivatedAt, deleteNotBefore, why);
    }

    /** The replacement key; empty before it exists. */
    public Optional<String> newKeyId() {
        return Optional.ofNullable(newAccessKeyId);
    }

    /** Whether {@code accessKeyId} is one of the two keys of this rotation. */
    public boolean concerns(String accessKeyId) {
        return oldAccessKeyId.equals(accessKeyId) || accessKeyId.equals(newAccessKeyId);
    }
}
