package io.keywarden.core.identity;

import java.time.Instant;
import java.util.Objects;

/** An IAM user of an account. */
public record User(AccountId accountId, String userId, UserName userName, UserPath path, Instant createDate) {
    public User {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(createDate, "createDate");
    }

    /** {@code arn:aws:iam::ACCOUNT:user{PATH}NAME}. */
    public String arn() {
        return Arns.user(accountId, path, userName);
    }
}
