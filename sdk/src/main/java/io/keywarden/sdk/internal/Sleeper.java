package io.keywarden.sdk.internal;

import java.time.Duration;

/** Waits between attempts; replaced in tests to record the back-off without waiting. */
@FunctionalInterface
public interface Sleeper {
    Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
