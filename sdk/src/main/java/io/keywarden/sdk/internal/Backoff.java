package io.keywarden.sdk.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with "equal jitter": before retry {@code n} (0 for the first) the ceiling is
 * {@code min(max, base * 2^n)} and the wait is half the ceiling plus a random part of the other half, so waits
 * grow, spread out between clients, and never drop to nothing.
 */
public final class Backoff {
    private final long baseNanos;
    private final long maxNanos;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        this.baseNanos = base.toNanos();
        this.maxNanos = max.toNanos();
        this.random = Objects.requireNonNull(random, "random");
        if (baseNanos <= 0 || maxNanos < baseNanos) {
            throw new IllegalArgumentException("the back-off base must be positive and at most the maximum");
        }
    }

    /** The largest wait before retry {@code retry} (0-based). */
    public Duration ceiling(int retry) {
        long ceiling = baseNanos;
        for (int i = 0; i < retry && ceiling < maxNanos; i++) {
            ceiling = ceiling > maxNanos / 2 ? maxNanos : ceiling * 2;
        }
        return Duration.ofNanos(Math.min(ceiling, maxNanos));
    }

    /** The wait before retry {@code retry} (0-based): between half the ceiling and the ceiling. */
    public Duration delay(int retry) {
        long ceiling = ceiling(retry).toNanos();
        long half = ceiling / 2;
        return Duration.ofNanos(half + random.nextLong(ceiling - half + 1));
    }
}
