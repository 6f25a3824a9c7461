package io.keywarden.core.password;

import io.keywarden.core.identity.AccountId;

import java.time.Instant;
import java.util.Objects;

/**
 * A console password of an IAM user or of the root user: only its hash is kept (a PHC string, {@link PasswordHasher}).
 *
 * @param ownerId               the user's ID, or the account ID for the root user (as access keys name their owner)
 * @param userName              the user's name; null for the root user
 * @param passwordHash          the PHC string; never shown, never logged
 * @param createDate            when the login profile was created
 * @param passwordLastChanged   when the password was last set
 * @param passwordResetRequired whether the password must be changed at the next sign-in
 * @param passwordLastUsed      the last successful sign-in; null when never
 */
public record LoginProfile(AccountId accountId, String ownerId, String userName, String passwordHash,
                           Instant createDate, Instant passwordLastChanged, boolean passwordResetRequired,
                           Instant passwordLastUsed) {
    public LoginProfile {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(passwordLastChanged, "passwordLastChanged");
    }

    public boolean isRoot() {
        return ownerId.equals(accountId.value());
    }

    public LoginProfile withPassword(String hash, Instant changed, boolean resetRequired) {
        return new LoginProfile(accountId, ownerId, userName, hash, createDate, changed, resetRequired,
                passwordLastUsed);
    }

    public LoginProfile withResetRequired(boolean resetRequired) {
        return new LoginProfile(accountId, ownerId, userName, passwordHash, createDate, passwordLastChanged,
                resetRequired, passwordLastUsed);
    }

    @Override
    public String toString() {
        return "LoginProfile[" + (userName == null ? "root" : userName) + ", created " + createDate + "]";
    }
}
