package io.keywarden.core.service;

import io.keywarden.core.identity.User;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A user in a listing, with its key age: whole days since its oldest Active key was created (absent without one).
 */
public record UserSummary(User user, Long keyAgeDays) {
    public UserSummary {
        Objects.requireNonNull(user, "user");
    }

    public OptionalLong keyAge() {
        return keyAgeDays == null ? OptionalLong.empty() : OptionalLong.of(keyAgeDays);
    }
}
