package io.keywarden.server.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.keywarden.core.signin.PasswordSignIn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-source-address throttling in front of the password check: at most {@code attempts} sign-in attempts per source
 * address in a fixed window; beyond that the attempt is {@link Throttled} without a password hash being computed. The
 * counters live in memory on each node, in a bounded Caffeine cache (the oldest addresses go first), so a flood of
 * addresses cannot exhaust memory; the per-user lock-out is the store's and shared by every node.
 */
public final class ThrottlingPasswordSignIn implements PasswordSignIn {
    private final PasswordSignIn delegate;
    private final int attempts;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Window> bySource;

    private record Window(Instant start, AtomicInteger count) {
    }

    public ThrottlingPasswordSignIn(PasswordSignIn delegate, int attempts, Duration window, long maxSources,
                                    Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.attempts = attempts;
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bySource = Caffeine.newBuilder().maximumSize(maxSources).expireAfterWrite(window)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    @Override
    public Outcome signIn(String accountIdOrAlias, String userName, char[] password, String sourceAddress) {
        String source = sourceAddress == null ? "" : sourceAddress;
        Instant now = clock.instant();
        Window w = bySource.asMap().compute(source, (k, old) ->
                old == null || !now.isBefore(old.start().plus(window)) ? new Window(now, new AtomicInteger()) : old);
        if (w.count().incrementAndGet() > attempts) {
            return new Throttled(Duration.between(now, w.start().plus(window)), "too many attempts from " + source);
        }
        return delegate.signIn(accountIdOrAlias, userName, password, sourceAddress);
    }
}
