package io.keywarden.sdk.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The owner of an access key, found from its ID (an administrator's look-up).
 *
 * @param account   the 12-digit account ID
 * @param arn       the owner's ARN
 * @param userName  the owning user, {@code null} when the root user owns the key
 * @param userId    the owner's user ID (the account ID for the root user)
 * @param accessKey the key itself, without its secret
 */
public record KeyOwner(String account, String arn, String userName, String userId, AccessKeyMetadata accessKey) {
    public KeyOwner {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(accessKey, "accessKey");
    }

    public boolean isRoot() {
        return userName == null;
    }

    /** The owning user's name; empty when the root user owns the key. */
    public Optional<String> owner() {
        return Optional.ofNullable(userName);
    }
}
