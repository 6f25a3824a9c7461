package io.keywarden.sdk.rotation;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the old key stays Inactive (deactivated and verified) before it is deleted: a last chance to reactivate
 * it if something forgotten still needed it.
 * <ul>
 *   <li>{@link #none()}: delete it as soon as the application is verified;</li>
 *   <li>{@link #of(Duration)}: the run waits that long (reporting progress), then deletes it;</li>
 *   <li>{@link #deferred(Duration)}: the run ends leaving it Inactive; a later run with the same
 *       {@link RotationStateStore} deletes it once it has been Inactive for at least that long.</li>
 * </ul>
 * Before deleting, the rotator checks the key is still Inactive; a key someone reactivated meanwhile is not deleted.
 */
public final class GracePeriod {
    private static final GracePeriod NONE = new GracePeriod(Duration.ZERO, false);

    private final Duration duration;
    private final boolean deferred;

    private GracePeriod(Duration duration, boolean deferred) {
        this.duration = duration;
        this.deferred = deferred;
    }

    /** Delete the old key right after verification. */
    public static GracePeriod none() {
        return NONE;
    }

    /**
     * Wait {@code duration} within the run, then delete the old key.
     *
     * @throws IllegalArgumentException when it is negative
     */
    public static GracePeriod of(Duration duration) {
        return new GracePeriod(requireNotNegative(duration), false);
    }

    /**
     * Leave the old key Inactive; a later run deletes it once it has been Inactive for at least {@code minimum}
     * ({@link Duration#ZERO}: any later run).
     *
     * @throws IllegalArgumentException when it is negative
     */
    public static GracePeriod deferred(Duration minimum) {
        return new GracePeriod(requireNotNegative(minimum), true);
    }

    public Duration duration() {
        return duration;
    }

    /** Whether deletion is left to a later run. */
    public boolean isDeferred() {
        return deferred;
    }

    private static Duration requireNotNegative(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a grace period must not be negative, got " + duration);
        }
        return duration;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GracePeriod other && duration.equals(other.duration) && deferred == other.deferred;
    }

    @Override
    public int hashCode() {
        return duration.hashCode() * 31 + (deferred ? 1 : 0);
    }

    @Override
    public String toString() {
        return deferred ? "GracePeriod[deferred to a later run, at least " + duration + "]"
                : duration.isZero() ? "GracePeriod[none]" : "GracePeriod[" + duration + "]";
    }
}
