package io.keywarden.sdk.internal;

import java.time.Duration;

/** Durations sent as whole seconds ({@code durationSeconds}, {@code maxSessionDuration}). */
public final class Seconds {
    private Seconds() {
    }

    /**
     * The duration in seconds; {@code null} stays {@code null} (not sent).
     *
     * @throws IllegalArgumentException when it is not positive or not a whole number of seconds (the range is the
     *                                  service's to check)
     */
    public static Integer of(Duration duration, String what) {
        if (duration == null) {
            return null;
        }
        if (duration.isNegative() || duration.isZero() || duration.getNano() != 0
                || duration.getSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be a positive whole number of seconds, got " + duration);
        }
        return (int) duration.getSeconds();
    }
}
