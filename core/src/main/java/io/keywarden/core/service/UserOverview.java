package io.keywarden.core.service;

import io.keywarden.core.identity.User;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.LastUsed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A row of the console's Users table (ListUserSummaries): a user with its live keys and what the columns show.
 *
 * @param keys                its live keys, oldest first
 * @param activeKeyAgeDays    whole days since its oldest Active key was created; null without an Active key
 * @param lastUsedKey         the key used most recently; null when no key was ever used
 * @param lastUsed            that key's last use; null likewise
 * @param passwordEnabled     whether the user has a console password (a login profile)
 * @param passwordLastChanged when the password was last set; null without one
 * @param passwordAgeDays     whole days since then; null without a password
 * @param consoleLastSignIn   the last console sign-in with the password; null when never or without one
 */
public record UserOverview(User user, List<AccessKey> keys, Long activeKeyAgeDays, AccessKeyId lastUsedKey,
                           LastUsed lastUsed, boolean passwordEnabled, Instant passwordLastChanged,
                           Long passwordAgeDays, Instant consoleLastSignIn) {
    public UserOverview {
        Objects.requireNonNull(user, "user");
        keys = List.copyOf(keys);
    }
}
