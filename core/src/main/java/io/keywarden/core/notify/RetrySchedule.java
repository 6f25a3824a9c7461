package io.keywarden.core.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential backoff with jitter (a uniformly random delay between half
 * and all of {@code base * 2^(attempt-1)}, capped at {@code max}), up to {@code attempts} tries in all; then the
 * delivery is given up and stays in the delivery log as failed.
 */
public record RetrySchedule(Duration base, Duration max, int attempts) {
    public RetrySchedule {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** Whether another try follows the given one (1 for the first). */
    public boolean retriesAfter(int attempt) {
        return attempt < attempts;
    }

    /** The delay before the try after {@code attempt}: in [ceiling/2, ceiling], ceiling = min(max, base * 2^(attempt-1)). */
    public Duration delayAfter(int attempt, RandomGenerator random) {
        long baseMillis = base.toMillis();
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), baseMillis > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE
                : baseMillis << shift);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (ceiling - half == 0 ? 0 : random.nextLong(ceiling - half + 1)));
    }
}
