package io.keywarden.sdk.rotation;

import io.keywarden.sdk.model.AccessKeyLastUsed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a rotation run ended, with the time each step took in this run.
 *
 * @param outcome         how it ended
 * @param userName        the user whose key was rotated, as the API addressed it ({@code ~} for the caller's own)
 * @param oldAccessKeyId  the key being replaced
 * @param newAccessKeyId  the replacement, {@code null} when none exists any more (rolled back) or was made
 * @param steps           the steps this run carried out, in order, with their timings
 * @param reason          why it rolled back or stopped, {@code null} when it completed
 * @param stillInUse      for {@link RotationOutcome#KEY_STILL_IN_USE}: the old key's last use (date, service, region)
 * @param deleteNotBefore for {@link RotationOutcome#OLD_KEY_INACTIVE}: from when a later run deletes the old key
 * @param startedAt       when this run started
 * @param finishedAt      when it ended
 */
public record RotationReport(RotationOutcome outcome, String userName, String oldAccessKeyId, String newAccessKeyId,
                             List<StepTiming> steps, String reason, AccessKeyLastUsed stillInUse,
                             Instant deleteNotBefore, Instant startedAt, Instant finishedAt) {
    public RotationReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(oldAccessKeyId, "oldAccessKeyId");
        steps = List.copyOf(steps);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /**
     * One step of the run.
     *
     * @param step      the step
     * @param startedAt when it began
     * @param duration  how long it took
     * @param detail    what it did, e.g. {@code created AKIA…} (may be empty)
     */
    public record StepTiming(RotationStep step, Instant startedAt, Duration duration, String detail) {
        public StepTiming {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The new key; empty when there is none. */
    public Optional<String> newKeyId() {
        return Optional.ofNullable(newAccessKeyId);
    }

    /** Why it rolled back or stopped; empty when it completed. */
    public Optional<String> why() {
        return Optional.ofNullable(reason);
    }

    /** Where the old key was last used when the run gave up waiting for it to fall quiet. */
    public Optional<AccessKeyLastUsed> lastUseOfOldKey() {
        return Optional.ofNullable(stillInUse);
    }

    /** The whole run. */
    public Duration total() {
        return Duration.between(startedAt, finishedAt);
    }

    /** The time spent in {@code step} in this run; empty when the run did not carry it out. */
    public Optional<Duration> duration(RotationStep step) {
        return steps.stream().filter(s -> s.step() == step).map(StepTiming::duration).reduce(Duration::plus);
    }

    /** One line for people. */
    public String summary() {
        String keys = oldAccessKeyId + (newAccessKeyId == null ? "" : " -> " + newAccessKeyId);
        return switch (outcome) {
            case COMPLETED -> "rotated " + keys + " for user " + userName + " in " + Durations.format(total())
                    + "; the old key is deleted";
            case OLD_KEY_INACTIVE -> "rotated " + keys + " for user " + userName + " in " + Durations.format(total())
                    + "; the old key is Inactive and a later run deletes it"
                    + (deleteNotBefore == null ? "" : " from " + deleteNotBefore);
            case KEY_STILL_IN_USE -> "stopped before deactivating " + oldAccessKeyId + ": " + reason;
            case ROLLED_BACK -> "rolled back " + keys + ": " + reason;
        };
    }
}
