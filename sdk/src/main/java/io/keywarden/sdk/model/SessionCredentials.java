package io.keywarden.sdk.model;

import io.keywarden.core.sigv4.SigningCredentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Temporary credentials from GetSessionToken or AssumeRole: an {@code ASIA…} key ID, its secret, the session token
 * that must accompany every request signed with them, and when they stop working. {@link #toString()} shows the key
 * ID and the expiration, never the secret or the token.
 *
 * @param accessKeyId     {@code ASIA…}
 * @param secretAccessKey the secret (40 characters)
 * @param sessionToken    the session token, sent as {@code X-Amz-Security-Token}
 * @param expiration      when the credentials expire (the server answers {@code ExpiredToken} from then on)
 */
public record SessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken,
                                 Instant expiration) {
    public SessionCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
    }

    /** The credentials to sign requests with (key ID, secret and session token). */
    public SigningCredentials toSigningCredentials() {
        return SigningCredentials.of(accessKeyId, secretAccessKey, sessionToken);
    }

    /** Whether they have expired at {@code instant}. */
    public boolean isExpiredAt(Instant instant) {
        return !instant.isBefore(expiration);
    }

    /** How long they remain valid by {@code clock} (zero once expired). */
    public Duration remaining(Clock clock) {
        Duration left = Duration.between(clock.instant(), expiration);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public String toString() {
        return "SessionCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=<redacted>,"
                + " sessionToken=<redacted>, expiration=" + expiration + "]";
    }
}
