package io.keywarden.sdk.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of the console's Users table (ListUserSummaries): a user with its keys, key age, the most recent key use,
 * password age and last console sign-in.
 *
 * @param userName            the user name
 * @param userId              the user ID
 * @param arn                 the user's ARN
 * @param path                the user's path
 * @param createDate          when the user was created
 * @param accessKeys          its access keys, oldest first (empty without keys)
 * @param activeKeyAgeDays    whole days since its oldest Active key was created; {@code null} without one
 * @param accessKeyLastUsed   the most recent use of any of its keys; {@code null} when none was ever used
 * @param passwordEnabled     whether it has a console password
 * @param passwordLastChanged when the password was last set; {@code null} without a password
 * @param passwordAgeDays     whole days since then; {@code null} without a password
 * @param consoleLastSignIn   its last console sign-in; {@code null} when never
 */
public record UserOverview(String userName, String userId, String arn, String path, Instant createDate,
                           List<Key> accessKeys, Long activeKeyAgeDays, LastUse accessKeyLastUsed,
                           boolean passwordEnabled, Instant passwordLastChanged, Long passwordAgeDays,
                           Instant consoleLastSignIn) {
    public UserOverview {
        Objects.requireNonNull(userName, "userName");
        accessKeys = List.copyOf(accessKeys);
    }

    public Optional<LastUse> lastUse() {
        return Optional.ofNullable(accessKeyLastUsed);
    }

    /** A key of the user: its ID, status and creation date. */
    public record Key(String accessKeyId, io.keywarden.core.keys.KeyStatus status, Instant createDate) {
    }

    /** The most recent use of any of the user's keys: which key, when, for which service, in which region. */
    public record LastUse(String accessKeyId, Instant lastUsedDate, String serviceName, String region) {
    }
}
