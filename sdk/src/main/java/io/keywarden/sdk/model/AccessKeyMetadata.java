package io.keywarden.sdk.model;

import io.keywarden.core.keys.KeyStatus;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An access key without its secret.
 *
 * @param accessKeyId the key ID, e.g. {@code AKIA…}
 * @param status      Active or Inactive
 * @param createDate  when the key was created
 * @param userName    the owning user, {@code null} for the root user's keys
 * @param description what the key is for (its owner's tag keyed by the key ID), {@code null} when it has none
 */
public record AccessKeyMetadata(String accessKeyId, KeyStatus status, Instant createDate, String userName,
                                String description) {
    /** A key without a description. */
    public AccessKeyMetadata(String accessKeyId, KeyStatus status, Instant createDate, String userName) {
        this(accessKeyId, status, createDate, userName, null);
    }

    public AccessKeyMetadata {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createDate, "createDate");
    }

    public boolean isActive() {
        return status == KeyStatus.ACTIVE;
    }

    /** The owning user's name; empty for the root user's keys. */
    public Optional<String> owner() {
        return Optional.ofNullable(userName);
    }
}
