package io.keywarden.sdk.model;

import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.sigv4.SigningCredentials;

import java.time.Instant;
import java.util.Objects;

/**
 * A new access key with its secret: the only time the service ever returns the secret, so keep it now.
 * {@link #toString()} shows the key ID but never the secret.
 *
 * @param accessKeyId     the key ID
 * @param secretAccessKey the secret (40 characters)
 * @param status          Active
 * @param createDate      when the key was created
 * @param userName        the owning user, {@code null} for a key of the root user
 * @param description     the description given at creation, {@code null} without one
 */
public record CreatedAccessKey(String accessKeyId, String secretAccessKey, KeyStatus status, Instant createDate,
                               String userName, String description) {
    /** A new key without a description. */
    public CreatedAccessKey(String accessKeyId, String secretAccessKey, KeyStatus status, Instant createDate,
                            String userName) {
        this(accessKeyId, secretAccessKey, status, createDate, userName, null);
    }

    public CreatedAccessKey {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createDate, "createDate");
    }

    /** The key as credentials to sign requests with. */
    public SigningCredentials credentials() {
        return SigningCredentials.of(accessKeyId, secretAccessKey);
    }

    /** The key without its secret. */
    public AccessKeyMetadata metadata() {
        return new AccessKeyMetadata(accessKeyId, status, createDate, userName, description);
    }

    @Override
    public String toString() {
        return "CreatedAccessKey[accessKeyId=" + accessKeyId + ", secretAccessKey=<redacted>, status=" + status
                + ", createDate=" + createDate + ", userName=" + userName
                + ", description=" + description + "]";
    }
}
