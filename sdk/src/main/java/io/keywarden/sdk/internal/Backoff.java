package io.keywarden.sdk.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The SDK's one exponential back-off. Before retry {@code n} (0 for the first) the ceiling is
 * {@code min(max, base * 2^n)}. With "equal jitter" (the constructor; retries of requests, which many clients may
 * send at once) the wait is half the ceiling plus a random part of the other half, so waits grow, spread out between
 * clients, and never drop to nothing. {@link #withoutJitter} waits exactly the ceiling: for a single caller polling
 * its own progress (a rotation trying its new key), where spreading out buys nothing and a fixed schedule is easier
 * to read in its events.
 */
public final class Backoff {
    private final long baseNanos;
    private final long maxNanos;
    /** {@code null}: no jitter. */
    private final RandomGenerator random;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        this(base.toNanos(), max.toNanos(), Objects.requireNonNull(random, "random"));
    }

    private Backoff(long baseNanos, long maxNanos, RandomGenerator random) {
        this.baseNanos = baseNanos;
        this.maxNanos = maxNanos;
        this.random = random;
        if (baseNanos <= 0 || maxNanos < baseNanos) {
            throw new IllegalArgumentException("the back-off base must be positive and at most the maximum");
        }
    }

    /** Doubling waits from {@code base} up to {@code max}, each exactly its {@link #ceiling}. */
    public static Backoff withoutJitter(Duration base, Duration max) {
        return new Backoff(base.toNanos(), max.toNanos(), null);
    }

    /** The largest wait before retry {@code retry} (0-based). */
    public Duration ceiling(int retry) {
        long ceiling = baseNanos;
        for (int i = 0; i < retry && ceiling < maxNanos; i++) {
            ceiling = ceiling > maxNanos / 2 ? maxNanos : ceiling * 2;
        }
        return Duration.ofNanos(Math.min(ceiling, maxNanos));
    }

    /**
     * The wait before retry {@code retry} (0-based): between half the ceiling and the ceiling, or the ceiling itself
     * {@link #withoutJitter without jitter}.
     */
    public Duration delay(int retry) {
        if (random == null) {
            return ceiling(retry);
        }
        long ceiling = ceiling(retry).toNanos();
        long half = ceiling / 2;
        return Duration.ofNanos(half + random.nextLong(ceiling - half + 1));
    }
}
