package io.keywarden.sdk.internal;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.exception.CredentialsException;
import io.keywarden.sdk.model.SessionCredentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A cached session that is refreshed before it expires; the engine of the SDK's session credentials providers.
 *
 * <p>Two instants per session, by the injected clock: from {@code expiration - prefetchTime - jitter} (the jitter
 * drawn once per session, between zero and {@code prefetchJitter}) one caller at a time refreshes while the others go
 * on with the cached credentials, and if that refresh fails the cached ones are still served (the next attempt waits
 * {@code prefetchRetryInterval}); from {@code expiration - staleTime} the cached credentials are never returned:
 * every caller waits for one refresh, and if it fails all of them get its {@link CredentialsException}. So no
 * request is signed with credentials that expire within the stale time.
 */
public final class RefreshingSession {

    /** The timing settings; {@code prefetchTime} is at least {@code staleTime}. */
    public record Timing(Duration staleTime, Duration prefetchTime, Duration prefetchJitter,
                         Duration prefetchRetryInterval) {
        public static final Duration DEFAULT_STALE_TIME = Duration.ofMinutes(5);
        public static final Duration DEFAULT_PREFETCH_TIME = Duration.ofMinutes(10);
        public static final Duration DEFAULT_PREFETCH_RETRY_INTERVAL = Duration.ofSeconds(10);

        public Timing {
            requireNotNegative(staleTime, "staleTime");
            requireNotNegative(prefetchTime, "prefetchTime");
            requireNotNegative(prefetchJitter, "prefetchJitter");
            requireNotNegative(prefetchRetryInterval, "prefetchRetryInterval");
            if (prefetchTime.compareTo(staleTime) < 0) {
                throw new IllegalArgumentException("prefetchTime (" + prefetchTime + ") must not be shorter than"
                        + " staleTime (" + staleTime + ")");
            }
        }

        public static Timing defaults() {
            return new Timing(DEFAULT_STALE_TIME, DEFAULT_PREFETCH_TIME, Duration.ZERO,
                    DEFAULT_PREFETCH_RETRY_INTERVAL);
        }

        private static void requireNotNegative(Duration value, String what) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(what + " must be a duration of zero or more, got " + value);
            }
        }
    }

    private record Cached(SessionCredentials session, SigningCredentials signing, Instant prefetchAt, Instant staleAt,
                          Instant nextPrefetchAttempt) {
        boolean usableAt(Instant now) {
            return now.isBefore(staleAt);
        }

        boolean wantsPrefetchAt(Instant now) {
            return !now.isBefore(prefetchAt) && !now.isBefore(nextPrefetchAttempt);
        }

        Cached prefetchAgainAt(Instant when) {
            return new Cached(session, signing, prefetchAt, staleAt, when);
        }
    }

    private record Failure(long attempt, CredentialsException exception) {
    }

    private final Supplier<SessionCredentials> fetch;
    private final String what;
    private final Timing timing;
    private final Clock clock;
    private final RandomGenerator random;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong attempts = new AtomicLong();
    private volatile Cached cached;
    private volatile Failure lastFailure;

    /**
     * @param fetch  asks the service for a new session (may throw the client's exceptions)
     * @param what   what the session is, for messages (e.g. {@code AssumeRole arn:…}); never a secret
     */
    public RefreshingSession(Supplier<SessionCredentials> fetch, String what, Timing timing, Clock clock,
                             RandomGenerator random) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.what = Objects.requireNonNull(what, "what");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Credentials that are valid for at least the stale time; refreshes first when needed. */
    public SigningCredentials resolve() {
        Cached current = cached;
        Instant now = clock.instant();
        if (current != null && current.usableAt(now)) {
            if (!current.wantsPrefetchAt(now) || !lock.tryLock()) {
                return current.signing(); // fresh enough, or another caller is refreshing: go on with these
            }
            try {
                prefetchLocked();
            } finally {
                lock.unlock();
            }
            current = cached;
            if (current.usableAt(clock.instant())) {
                return current.signing();
            }
        }
        return refreshBlocking();
    }

    /** The session currently cached (it may be stale), if any. */
    public SessionCredentials cachedSession() {
        Cached current = cached;
        return current == null ? null : current.session();
    }

    private void prefetchLocked() {
        Cached current = cached;
        Instant now = clock.instant();
        if (current == null || !current.wantsPrefetchAt(now)) {
            return; // refreshed by another caller meanwhile
        }
        try {
            cached = fetchNew();
        } catch (CredentialsException e) {
            // the cached credentials are still valid: keep serving them, try again a little later
            cached = current.prefetchAgainAt(now.plus(timing.prefetchRetryInterval()));
        }
    }

    private SigningCredentials refreshBlocking() {
        long attemptsBefore = attempts.get();
        lock.lock();
        try {
            Cached current = cached;
            if (current != null && current.usableAt(clock.instant())) {
                return current.signing(); // refreshed while this caller waited
            }
            Failure failure = lastFailure;
            if (failure != null && failure.attempt() > attemptsBefore) {
                // the refresh this caller waited for failed: share its outcome rather than asking again at once
                throw new CredentialsException(failure.exception().getMessage(), failure.exception());
            }
            try {
                Cached fresh = fetchNew();
                cached = fresh;
                if (!fresh.usableAt(clock.instant())) {
                    throw new CredentialsException("the new session of " + what + " expires at "
                            + fresh.session().expiration() + ", within the stale time (" + timing.staleTime()
                            + ") of now: ask for a longer session or configure a shorter stale time");
                }
                return fresh.signing();
            } catch (CredentialsException e) {
                lastFailure = new Failure(attempts.get(), e);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** One attempt; counted whether it succeeds or fails. */
    private Cached fetchNew() {
        SessionCredentials session;
        try {
            session = fetch.get();
        } catch (RuntimeException e) {
            attempts.incrementAndGet();
            throw new CredentialsException("unable to refresh the session of " + what + ": " + e.getMessage(), e);
        }
        attempts.incrementAndGet();
        if (session == null) {
            throw new CredentialsException("unable to refresh the session of " + what + ": no credentials answered");
        }
        Instant expiration = session.expiration();
        Instant staleAt = expiration.minus(timing.staleTime());
        Duration jitter = timing.prefetchJitter().isZero() ? Duration.ZERO
                : Duration.ofMillis(random.nextLong(timing.prefetchJitter().toMillis() + 1));
        Instant prefetchAt = expiration.minus(timing.prefetchTime()).minus(jitter);
        return new Cached(session, session.toSigningCredentials(), prefetchAt, staleAt, Instant.MIN);
    }

    @Override
    public String toString() {
        Cached current = cached;
        return "RefreshingSession[" + what + ", " + (current == null ? "no session yet"
                : "accessKeyId=" + current.session().accessKeyId() + ", expiration=" + current.session().expiration())
                + "]";
    }
}
