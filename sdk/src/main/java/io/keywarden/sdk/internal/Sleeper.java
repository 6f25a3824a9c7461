package io.keywarden.sdk.internal;

import java.time.Duration;
import java.util.function.Function;

/**
 * The SDK's one way to wait: between retries of a request, between polls of a rotation. Replaced in tests to record
 * the waits (or move a fake clock) without waiting.
 */
@FunctionalInterface
public interface Sleeper {
    Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;

    /**
     * Waits {@code duration}, or not at all when it is zero or negative. When the thread is interrupted, its
     * interrupt flag is set again (so the caller's caller still sees it) and what {@code onInterrupt} makes of the
     * interruption is thrown: each caller says in its own words what was abandoned.
     */
    default void pause(Duration duration, Function<InterruptedException, RuntimeException> onInterrupt) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw onInterrupt.apply(e);
        }
    }
}
