package io.keywarden.sdk.model;

import java.util.Objects;

/**
 * A console session (ConsoleLogin): temporary credentials of the principal that signed in — an {@code ASIA…} key
 * ID, its secret and a session token, that may call IAM — and who it acts as. {@link #toString()} never shows the
 * secret or the token.
 *
 * @param credentials           the session's credentials, shown this once (sign out with them to revoke them)
 * @param arn                   the principal's ARN
 * @param accountId             its account
 * @param userName              the IAM user's name; null for the root user
 * @param principalType         {@code IAMUser} or {@code Root}
 * @param passwordResetRequired whether the password must be changed (ChangePassword) before anything else
 */
public record ConsoleSession(SessionCredentials credentials, String arn, String accountId, String userName,
                             String principalType, boolean passwordResetRequired) {
    public ConsoleSession {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(principalType, "principalType");
    }
}
