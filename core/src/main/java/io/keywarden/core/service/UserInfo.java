package io.keywarden.core.service;

import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What GetUser answers: an IAM user, or the root user (no name, no path; the user ID is the account ID).
 */
public record UserInfo(String userId, String arn, Instant createDate, UserName userName, UserPath path) {
    public UserInfo {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(createDate, "createDate");
    }

    public static UserInfo of(User user) {
        return new UserInfo(user.userId(), user.arn(), user.createDate(), user.userName(), user.path());
    }

    public static UserInfo root(Account account) {
        return new UserInfo(account.id().value(), account.id().rootArn(), account.createDate(), null, null);
    }

    public boolean isRoot() {
        return userName == null;
    }

    public Optional<UserName> name() {
        return Optional.ofNullable(userName);
    }

    public Optional<UserPath> userPath() {
        return Optional.ofNullable(path);
    }
}
