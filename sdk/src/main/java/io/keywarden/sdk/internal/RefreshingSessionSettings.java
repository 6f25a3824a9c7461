package io.keywarden.sdk.internal;

import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.CredentialsProvider;
import io.keywarden.sdk.model.SessionCredentials;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What the builders of the SDK's session credentials providers have in common: where the session comes from (a client,
 * or source credentials with an endpoint and region) and the refresh settings of its {@link RefreshingSession}, with
 * their checks. Each public builder holds one and hands its setters through, so the rules live here once.
 */
public final class RefreshingSessionSettings {
    private KeywardenClient client;
    private CredentialsProvider sourceCredentials;
    private URI endpoint;
    private String region;
    private Duration staleTime = RefreshingSession.Timing.DEFAULT_STALE_TIME;
    private Duration prefetchTime = RefreshingSession.Timing.DEFAULT_PREFETCH_TIME;
    private Duration prefetchJitter = Duration.ZERO;
    private Duration prefetchRetryInterval = RefreshingSession.Timing.DEFAULT_PREFETCH_RETRY_INTERVAL;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random;

    public void client(KeywardenClient client) {
        this.client = client;
    }

    public void sourceCredentials(CredentialsProvider sourceCredentials) {
        this.sourceCredentials = sourceCredentials;
    }

    public void endpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    public void region(String region) {
        this.region = region;
    }

    public void staleTime(Duration staleTime) {
        this.staleTime = staleTime;
    }

    public void prefetchTime(Duration prefetchTime) {
        this.prefetchTime = prefetchTime;
    }

    public void prefetchJitter(Duration prefetchJitter) {
        this.prefetchJitter = prefetchJitter;
    }

    public void prefetchRetryInterval(Duration prefetchRetryInterval) {
        this.prefetchRetryInterval = prefetchRetryInterval;
    }

    public void clock(Clock clock) {
        this.clock = clock;
    }

    public void random(RandomGenerator random) {
        this.random = random;
    }

    /**
     * The checked timing.
     *
     * @throws NullPointerException     when the clock is missing
     * @throws IllegalArgumentException when a duration is negative or the prefetch time is shorter than the stale time
     */
    public RefreshingSession.Timing timing() {
        Objects.requireNonNull(clock, "clock");
        return new RefreshingSession.Timing(staleTime, prefetchTime, prefetchJitter, prefetchRetryInterval);
    }

    /**
     * Checks that a requested session duration (null: the service's default) outlasts the stale time, which would
     * otherwise make every new session stale at once.
     *
     * @throws IllegalArgumentException when it does not
     */
    public void checkSessionDuration(Duration duration) {
        Duration stale = timing().staleTime();
        if (duration != null && duration.compareTo(stale) <= 0) {
            throw new IllegalArgumentException("the session duration (" + duration + ") must be longer than the"
                    + " stale time (" + stale + ")");
        }
    }

    /**
     * Builds the provider with the client it is to use: the given one (left open), or one made from the source
     * credentials, endpoint and region (which the provider owns and closes).
     *
     * @param provider makes the provider from the client and whether it owns it
     * @throws IllegalStateException when neither a client nor source credentials with an endpoint are set, or both
     */
    public <P> P build(ProviderFactory<P> provider) {
        timing();
        if (client != null) {
            if (sourceCredentials != null || endpoint != null) {
                throw new IllegalStateException("set either a client or source credentials with an endpoint, not both");
            }
            return provider.make(client, false);
        }
        if (sourceCredentials == null || endpoint == null) {
            throw new IllegalStateException("a client, or source credentials and an endpoint, are required");
        }
        KeywardenClient.Builder clientBuilder = KeywardenClient.builder().endpoint(endpoint)
                .credentialsProvider(sourceCredentials);
        if (region != null) {
            clientBuilder.region(region);
        }
        return provider.make(clientBuilder.build(), true);
    }

    /** The refreshing session over {@code fetch}, with these settings' timing, clock and randomness. */
    public RefreshingSession session(Supplier<SessionCredentials> fetch, String what) {
        return new RefreshingSession(fetch, what, timing(), clock, random != null ? random : new SecureRandom());
    }

    /** Makes a provider from its client and whether it owns that client. */
    @FunctionalInterface
    public interface ProviderFactory<P> {
        P make(KeywardenClient client, boolean ownsClient);
    }
}
