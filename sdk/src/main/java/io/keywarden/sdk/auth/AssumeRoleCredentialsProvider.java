package io.keywarden.sdk.auth;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.exception.CredentialsException;
import io.keywarden.sdk.internal.RefreshingSession;
import io.keywarden.sdk.internal.RefreshingSessionSettings;
import io.keywarden.sdk.model.AssumeRoleRequest;
import io.keywarden.sdk.model.AssumedRole;
import io.keywarden.sdk.model.SessionCredentials;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Credentials of a role session: assumes the role (AssumeRole) with a client signing with the source credentials,
 * caches the session and assumes the role again before the session expires, so no request is ever signed with
 * expired credentials.
 *
 * <pre>{@code
 * try (AssumeRoleCredentialsProvider deployer = AssumeRoleCredentialsProvider.builder()
 *         .sourceCredentials(ProfileCredentialsProvider.create("ci"))
 *         .endpoint(URI.create("https://keywarden.example.com"))
 *         .request(AssumeRoleRequest.builder()
 *                 .roleArn("arn:aws:iam::123456789012:role/deployer")
 *                 .roleSessionName("build-4711")
 *                 .build())
 *         .build();
 *      KeywardenClient asDeployer = KeywardenClient.builder()
 *         .endpoint(URI.create("https://keywarden.example.com"))
 *         .credentialsProvider(deployer)
 *         .build()) {
 *     asDeployer.callerIdentity(); // arn:aws:sts::123456789012:assumed-role/deployer/build-4711
 * }
 * }</pre>
 *
 * <p>Refreshing, by the provider's {@link Builder#clock clock}: from {@link Builder#prefetchTime prefetchTime}
 * (default 10 minutes) before the session expires, the first caller to notice assumes the role again while the others
 * go on with the cached credentials; should that fail, the cached credentials (still valid) keep being served and the
 * next attempt is made {@link Builder#prefetchRetryInterval prefetchRetryInterval} (10 s) later. From
 * {@link Builder#staleTime staleTime} (default 5 minutes) before expiry the cached credentials are never returned:
 * every caller waits for one refresh and, if it fails, gets its {@link CredentialsException}. The first call assumes
 * the role. Thread-safe: one refresh at a time.
 *
 * <p>Built from {@link Builder#client a client}, the provider uses it and leaves it open; built from
 * {@link Builder#sourceCredentials source credentials} and an {@link Builder#endpoint endpoint}, it makes its own
 * client, which {@link #close()} closes.
 */
public final class AssumeRoleCredentialsProvider implements CredentialsProvider, AutoCloseable {
    private final KeywardenClient client;
    private final boolean ownsClient;
    private final AssumeRoleRequest request;
    private final RefreshingSession session;
    private volatile AssumedRole lastAssumed;

    private AssumeRoleCredentialsProvider(Builder builder, KeywardenClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.request = builder.request;
        this.session = builder.settings.session(this::assume, "AssumeRole " + request.roleArn() + " as session "
                + request.roleSessionName());
    }

    public static Builder builder() {
        return new Builder();
    }

    private SessionCredentials assume() {
        AssumedRole assumed = client.assumeRole(request);
        lastAssumed = assumed;
        return assumed.credentials();
    }

    @Override
    public SigningCredentials resolveCredentials() {
        return session.resolve();
    }

    /** The request this provider assumes the role with. */
    public AssumeRoleRequest request() {
        return request;
    }

    /** The answer to the latest AssumeRole (the session's ARN, ID, source identity); empty before the first. */
    public Optional<AssumedRole> lastAssumedRole() {
        return Optional.ofNullable(lastAssumed);
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
        return "AssumeRoleCredentialsProvider[roleArn=" + request.roleArn() + ", roleSessionName="
                + request.roleSessionName() + ", " + session + "]";
    }

    /**
     * Builds an {@link AssumeRoleCredentialsProvider}: the AssumeRole request and either a client or source
     * credentials with an endpoint are required.
     */
    public static final class Builder {
        private final RefreshingSessionSettings settings = new RefreshingSessionSettings();
        private AssumeRoleRequest request;

        private Builder() {
        }

        /** The client that calls AssumeRole (signing with its own credentials, the source); not closed by the provider. */
        public Builder client(KeywardenClient client) {
            settings.client(client);
            return this;
        }

        /** The credentials that call AssumeRole; with {@link #endpoint}, instead of a {@link #client}. */
        public Builder sourceCredentials(CredentialsProvider sourceCredentials) {
            settings.sourceCredentials(sourceCredentials);
            return this;
        }

        /** The server to call AssumeRole on; with {@link #sourceCredentials}. */
        public Builder endpoint(URI endpoint) {
            settings.endpoint(endpoint);
            return this;
        }

        /** The region to sign the AssumeRole calls with (with {@link #sourceCredentials}); default {@code us-east-1}. */
        public Builder region(String region) {
            settings.region(region);
            return this;
        }

        /** The AssumeRole parameters; required. */
        public Builder request(AssumeRoleRequest request) {
            this.request = request;
            return this;
        }

        /** How long before expiry credentials are no longer handed out (every caller waits for a refresh); default 5 minutes. */
        public Builder staleTime(Duration staleTime) {
            settings.staleTime(staleTime);
            return this;
        }

        /** How long before expiry one caller starts refreshing while the others go on; default 10 minutes, at least the stale time. */
        public Builder prefetchTime(Duration prefetchTime) {
            settings.prefetchTime(prefetchTime);
            return this;
        }

        /** Up to how much earlier than the prefetch time to start refreshing, drawn per session (spreads a fleet's refreshes); default 0. */
        public Builder prefetchJitter(Duration prefetchJitter) {
            settings.prefetchJitter(prefetchJitter);
            return this;
        }

        /** How long to wait before trying again after a failed refresh while the cached credentials are still valid; default 10 s. */
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
         * @throws NullPointerException     when the request or the clock is missing
         * @throws IllegalStateException    when neither a client nor source credentials with an endpoint are set, or both
         * @throws IllegalArgumentException when a duration is invalid (negative, or the prefetch time shorter than the
         *                                  stale time, or the requested session not longer than the stale time)
         */
        public AssumeRoleCredentialsProvider build() {
            Objects.requireNonNull(request, "request");
            settings.checkSessionDuration(request.duration().orElse(null));
            return settings.build((client, owns) -> new AssumeRoleCredentialsProvider(this, client, owns));
        }
    }
}
