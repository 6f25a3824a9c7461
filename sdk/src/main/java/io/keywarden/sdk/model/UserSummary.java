package io.keywarden.sdk.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A user in a listing, with its key age.
 *
 * @param user        the user
 * @param keyAgeDays  whole days since the user's oldest Active key was created; {@code null} when it has none
 */
public record UserSummary(User user, Long keyAgeDays) {
    public UserSummary {
        Objects.requireNonNull(user, "user");
    }

    public String userName() {
        return user.userName();
    }

    /** Days since the oldest Active key was created; empty when the user has no Active key. */
    public OptionalLong keyAge() {
        return keyAgeDays == null ? OptionalLong.empty() : OptionalLong.of(keyAgeDays);
    }
}
