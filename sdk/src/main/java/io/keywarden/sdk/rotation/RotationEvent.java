package io.keywarden.sdk.rotation;

import io.keywarden.sdk.model.AccessKeyLastUsed;

import java.time.Duration;
import java.time.Instant;

/**
 * Something that happened during a rotation. Every event has its time and a one-line {@link #describe() description}
 * for people (key IDs, never secrets).
 */
public sealed interface RotationEvent {

    /** When it happened (the rotator's clock). */
    Instant at();

    /** One line for people, e.g. {@code step "deactivate old key" finished in 0.12 s}. */
    String describe();

    /** A run began: a new rotation of {@code oldAccessKeyId}, or the resumption of a persisted one. */
    record Started(Instant at, String userName, String oldAccessKeyId, RotationPhase resumedFrom)
            implements RotationEvent {
        /** Whether the run resumes a persisted rotation. */
        public boolean resumed() {
            return resumedFrom != null;
        }

        @Override
        public String describe() {
            return resumedFrom == null ? "rotating key " + oldAccessKeyId + " of user " + userName
                    : "resuming the rotation of key " + oldAccessKeyId + " of user " + userName + " from phase "
                    + resumedFrom;
        }
    }

    /** A step began. */
    record StepStarted(Instant at, RotationStep step) implements RotationEvent {
        @Override
        public String describe() {
            return "step \"" + step.description() + "\" started";
        }
    }

    /** A step ended; {@code detail} says what it did, e.g. {@code created AKIA…}. */
    record StepFinished(Instant at, RotationStep step, Duration took, String detail) implements RotationEvent {
        @Override
        public String describe() {
            return "step \"" + step.description() + "\" finished in " + Durations.format(took)
                    + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    /**
     * Progress of a wait: for the old key (or, during a rollback, the new key) to fall quiet, or for the grace
     * period to pass. {@code quietFor} has to reach {@code target}; the wait gives up at {@code timeout}.
     *
     * @param lastUsed the key's last-used record as last read, {@code null} when not read (grace period)
     */
    record Waiting(Instant at, RotationStep step, String accessKeyId, Duration elapsed, Duration quietFor,
                   Duration target, Duration timeout, AccessKeyLastUsed lastUsed) implements RotationEvent {
        @Override
        public String describe() {
            return step == RotationStep.DELETE_OLD_KEY
                    ? "grace period for " + accessKeyId + ": " + Durations.format(elapsed) + " of "
                    + Durations.format(target)
                    : "waiting for " + accessKeyId + " to fall quiet: quiet for " + Durations.format(quietFor) + " of "
                    + Durations.format(target) + " (waited " + Durations.format(elapsed) + ", timeout "
                    + Durations.format(timeout) + ")";
        }
    }

    /** The key's last-used record advanced: something still signs with it. */
    record KeyInUse(Instant at, AccessKeyLastUsed lastUsed) implements RotationEvent {
        @Override
        public String describe() {
            return "key " + lastUsed.accessKeyId() + " is still in use: last used " + lastUsed.date() + " for "
                    + lastUsed.serviceName() + " in " + lastUsed.region();
        }
    }

    /** Rolling back began, for {@code reason}. */
    record RollbackStarted(Instant at, String reason) implements RotationEvent {
        @Override
        public String describe() {
            return "rolling back: " + reason;
        }
    }

    /** The rollback ended. */
    record RolledBack(Instant at, String reason, Duration took) implements RotationEvent {
        @Override
        public String describe() {
            return "rolled back in " + Durations.format(took) + ": " + reason;
        }
    }

    /** The run failed at {@code step}; its progress is persisted for the next run. */
    record Failed(Instant at, RotationStep step, String reason) implements RotationEvent {
        @Override
        public String describe() {
            return "failed" + (step == null ? "" : " during \"" + step.description() + "\"") + ": " + reason;
        }
    }

    /** The run ended with {@code report}. */
    record Finished(Instant at, RotationReport report) implements RotationEvent {
        @Override
        public String describe() {
            return "finished: " + report.summary();
        }
    }
}
