package io.keywarden.sdk.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A console password's login profile (CreateLoginProfile, GetLoginProfile): never the password.
 *
 * @param userName              the user; null for the root user's own
 * @param createDate            when it was created
 * @param passwordResetRequired whether the password must be changed at the next sign-in
 * @param passwordLastChanged   when the password was last set (Keywarden's addition to AWS's shape)
 */
public record LoginProfile(String userName, Instant createDate, boolean passwordResetRequired,
                           Instant passwordLastChanged) {
    public LoginProfile {
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(passwordLastChanged, "passwordLastChanged");
    }
}
