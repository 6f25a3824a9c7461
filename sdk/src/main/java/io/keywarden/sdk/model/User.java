package io.keywarden.sdk.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An IAM user, or the root user of the account when {@link #isRoot()}: then {@code userName} and {@code path} are
 * {@code null}, {@code userId} is the account ID and {@code arn} the root ARN.
 *
 * @param userName   the user name, {@code null} for the root user
 * @param userId     {@code AIDA…}, or the account ID for the root user
 * @param arn        {@code arn:aws:iam::ACCOUNT:user/PATH/NAME} or {@code arn:aws:iam::ACCOUNT:root}
 * @param path       the path, e.g. {@code /} or {@code /division/team/}; {@code null} for the root user
 * @param createDate when the user was created
 */
public record User(String userName, String userId, String arn, String path, Instant createDate) {
    public User {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(createDate, "createDate");
    }

    /** Whether this is the account's root user (which has no name and no path). */
    public boolean isRoot() {
        return userName == null;
    }

    /** The user name; empty for the root user. */
    public Optional<String> name() {
        return Optional.ofNullable(userName);
    }
}
