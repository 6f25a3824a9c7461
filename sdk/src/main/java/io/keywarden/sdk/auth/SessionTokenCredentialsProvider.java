package io.keywarden.sdk.auth;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.internal.RefreshingSession;
import io.keywarden.sdk.internal.RefreshingSessionSettings;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Temporary credentials of the source credentials' own user (GetSessionToken), cached and fetched again before they
 * expire, with the same refresh rules as {@link AssumeRoleCredentialsProvider}: one caller refreshes from the
 * prefetch time (default 10 minutes before expiry) while the others go on with the cached credentials, which are
 * never returned within the stale time (default 5 minutes) of their expiry. Useful to keep long-term keys off the
 * request path: only GetSessionToken is signed with them.
 *
 * <p>Built from {@link Builder#client a client}, the provider uses it and leaves it open; built from
 * {@link Builder#sourceCredentials source credentials} and an {@link Builder#endpoint endpoint}, it makes its own
 * client, which {@link #close()} closes.
 */
public final class SessionTokenCredentialsProvider implements CredentialsProvider, AutoCloseable {
    private final KeywardenClient client;
    private final boolean ownsClient;
    private final Duration duration;
    private final RefreshingSession session;

    private SessionTokenCredentialsProvider(Builder builder, KeywardenClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.duration = builder.duration;
        this.session = builder.settings.session(() -> client.getSessionToken(duration), "GetSessionToken");
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SigningCredentials resolveCredentials() {
        return session.resolve();
    }

    /** The session duration asked for; empty for the service's default (12 hours). */
    public Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }

    /** Closes the client the provider made itself; a client given to it is left open. Idempotent. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "SessionTokenCredentialsProvider[duration=" + duration + ", " + session + "]";
    }

    /** Builds a {@link SessionTokenCredentialsProvider}: a client, or source credentials and an endpoint, are required. */
    public static final class Builder {
        private final RefreshingSessionSettings settings = new RefreshingSessionSettings();
        private Duration duration;

        private Builder() {
        }

        /** The client that calls GetSessionToken (with long-term credentials); not closed by the provider. */
        public Builder client(KeywardenClient client) {
            settings.client(client);
            return this;
        }

        /** The long-term credentials that call GetSessionToken; with {@link #endpoint}, instead of a {@link #client}. */
        public Builder sourceCredentials(CredentialsProvider sourceCredentials) {
            settings.sourceCredentials(sourceCredentials);
            return this;
        }

        /** The server; with {@link #sourceCredentials}. */
        public Builder endpoint(URI endpoint) {
            settings.endpoint(endpoint);
            return this;
        }

        /** The region to sign with (with {@link #sourceCredentials}); default {@code us-east-1}. */
        public Builder region(String region) {
            settings.region(region);
            return this;
        }

        /** The session duration (15 minutes to 36 hours, whole seconds); default the service's (12 hours). */
        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        /** See {@link AssumeRoleCredentialsProvider.Builder#staleTime}; default 5 minutes. */
        public Builder staleTime(Duration staleTime) {
            settings.staleTime(staleTime);
            return this;
        }

        /** See {@link AssumeRoleCredentialsProvider.Builder#prefetchTime}; default 10 minutes. */
        public Builder prefetchTime(Duration prefetchTime) {
            settings.prefetchTime(prefetchTime);
            return this;
        }

        /** See {@link AssumeRoleCredentialsProvider.Builder#prefetchJitter}; default 0. */
        public Builder prefetchJitter(Duration prefetchJitter) {
            settings.prefetchJitter(prefetchJitter);
            return this;
        }

        /** See {@link AssumeRoleCredentialsProvider.Builder#prefetchRetryInterval}; default 10 s. */
        public Builder prefetchRetryInterval(Duration prefetchRetryInterval) {
            settings.prefetchRetryInterval(prefetchRetryInterval);
            return this;
        }

        /** The clock the session's expiry is judged by; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            settings.clock(clock);
            return this;
        }

        Builder random(RandomGenerator random) {
            settings.random(random);
            return this;
        }

        /**
         * @throws IllegalStateException    when neither a client nor source credentials with an endpoint are set, or both
         * @throws IllegalArgumentException when a duration is invalid
         */
        public SessionTokenCredentialsProvider build() {
            settings.checkSessionDuration(duration);
            return settings.build((client, owns) -> new SessionTokenCredentialsProvider(this, client, owns));
        }
    }
}
