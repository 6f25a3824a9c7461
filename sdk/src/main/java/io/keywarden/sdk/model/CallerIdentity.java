package io.keywarden.sdk.model;

import java.util.Objects;

/**
 * Who signed the request (GetCallerIdentity).
 *
 * @param account the 12-digit account ID
 * @param userId  the user ID ({@code AIDA…}), or the account ID for the root user
 * @param arn     the caller's ARN
 */
public record CallerIdentity(String account, String userId, String arn) {
    public CallerIdentity {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(arn, "arn");
    }
}
