package io.keywarden.core.signin;

import io.keywarden.core.identity.Principal;

import java.time.Duration;
import java.util.Objects;

/**
 * Checks a console password: the account (its 12-digit ID or its alias), the IAM user name (null or blank for the
 * root user) and the password. Implementations throttle and lock out; the console's sign-in endpoint turns a
 * {@link SignedIn} into a console session and answers every other outcome with one generic message.
 */
public interface PasswordSignIn {

    /** Never logs or keeps {@code password}; the caller clears the array afterwards. */
    Outcome signIn(String accountIdOrAlias, String userName, char[] password, String sourceAddress);

    /** What a sign-in attempt came to. */
    sealed interface Outcome permits SignedIn, Refused, Throttled {
    }

    /** The password is right: the principal (an IAM user or the root user), and whether it must change it first. */
    record SignedIn(Principal principal, boolean passwordResetRequired) implements Outcome {
        public SignedIn {
            Objects.requireNonNull(principal, "principal");
        }
    }

    /** Refused; {@code reason} is for the audit trail and the decision log only, never shown to the caller. */
    record Refused(String reason) implements Outcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Too many attempts from this source or for this user: try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter, String reason) implements Outcome {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** No console passwords: every attempt is refused. */
    PasswordSignIn NONE = (account, user, password, source) -> new Refused("console passwords are not available");
}
