package io.keywarden.core.password;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The account's password policy, with AWS's fields and ranges. {@link #NONE} is what applies while the account has
 * none set (AWS's default policy: at least 8 characters, at least three of the four character kinds, not the user's
 * name; users may change their own password; passwords never expire).
 *
 * @param minimumPasswordLength      6 to 128
 * @param allowUsersToChangePassword whether IAM users may call ChangePassword
 * @param maxPasswordAge             days a password stays valid, 1 to 1095; null: passwords never expire
 * @param passwordReusePrevention    how many previous passwords may not be reused, 1 to 24; null: no check
 * @param hardExpiry                 an expired password cannot be changed at sign-in: an administrator must reset it
 * @param custom                     false for {@link #NONE} (AWS's default policy, not a policy GetAccountPasswordPolicy
 *                                   answers)
 */
public record PasswordPolicy(int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
                             boolean requireUppercaseCharacters, boolean requireLowercaseCharacters,
                             boolean allowUsersToChangePassword, Integer maxPasswordAge,
                             Integer passwordReusePrevention, boolean hardExpiry, boolean custom) {
    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 128;
    /** UpdateAccountPasswordPolicy's default minimum when none is given, as AWS documents it. */
    public static final int DEFAULT_UPDATE_LENGTH = 6;
    public static final int MAX_AGE = 1095;
    public static final int MAX_REUSE = 24;
    /** AWS's symbols for RequireSymbols. */
    public static final String SYMBOLS = "!@#$%^&*()_+-=[]{}|'";

    /** The policy in force while none is set. */
    public static final PasswordPolicy NONE = new PasswordPolicy(8, false, false, false, false, true, null, null,
            false, false);

    public PasswordPolicy {
        range(minimumPasswordLength, MIN_LENGTH, MAX_LENGTH, "minimumPasswordLength");
        if (maxPasswordAge != null) {
            range(maxPasswordAge, 1, MAX_AGE, "maxPasswordAge");
        }
        if (passwordReusePrevention != null) {
            range(passwordReusePrevention, 1, MAX_REUSE, "passwordReusePrevention");
        }
    }

    /** A policy an administrator sets (UpdateAccountPasswordPolicy); null values take AWS's defaults. */
    public static PasswordPolicy of(Integer minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
                                    boolean requireUppercaseCharacters, boolean requireLowercaseCharacters,
                                    boolean allowUsersToChangePassword, Integer maxPasswordAge,
                                    Integer passwordReusePrevention, boolean hardExpiry) {
        return new PasswordPolicy(minimumPasswordLength == null ? DEFAULT_UPDATE_LENGTH : minimumPasswordLength,
                requireSymbols, requireNumbers, requireUppercaseCharacters, requireLowercaseCharacters,
                allowUsersToChangePassword, maxPasswordAge, passwordReusePrevention, hardExpiry, true);
    }

    private static void range(int value, int min, int max, String member) {
        if (value < min) {
            throw KeywardenException.validation(member, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw KeywardenException.validation(member, "Member must have value less than or equal to " + max);
        }
    }

    /** Whether passwords expire ({@code ExpirePasswords}). */
    public boolean expirePasswords() {
        return maxPasswordAge != null;
    }

    /** When a password last changed at {@code changed} expires; empty when passwords do not expire. */
    public Optional<Instant> expiry(Instant changed) {
        return maxPasswordAge == null ? Optional.empty() : Optional.of(changed.plus(Duration.ofDays(maxPasswordAge)));
    }

    /**
     * The first rule {@code password} breaks, as AWS's {@code PasswordPolicyViolation} message; empty when it meets the
     * policy. {@code userName} (null for root) is the name the password may not equal under the default policy.
     */
    public Optional<String> violation(char[] password, String userName) {
        if (password.length < minimumPasswordLength) {
            return Optional.of("Password should have a minimum length of " + minimumPasswordLength);
        }
        boolean upper = false;
        boolean lower = false;
        boolean number = false;
        boolean symbol = false;
        boolean other = false;
        for (char c : password) {
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                number = true;
            } else if (SYMBOLS.indexOf(c) >= 0) {
                symbol = true;
            } else {
                other = true;
            }
        }
        if (requireUppercaseCharacters && !upper) {
            return Optional.of("Password should have at least one uppercase letter");
        }
        if (requireLowercaseCharacters && !lower) {
            return Optional.of("Password should have at least one lowercase letter");
        }
        if (requireNumbers && !number) {
            return Optional.of("Password should have at least one number");
        }
        if (requireSymbols && !symbol) {
            return Optional.of("Password should have at least one symbol");
        }
        if (!custom) {
            int kinds = (upper ? 1 : 0) + (lower ? 1 : 0) + (number ? 1 : 0) + (symbol || other ? 1 : 0);
            if (kinds < 3) {
                return Optional.of("Password should have at least three of: uppercase letters, lowercase letters,"
                        + " numbers, symbols");
            }
            if (userName != null && new String(password).equalsIgnoreCase(userName)) {
                return Optional.of("Password should not be the user name");
            }
        }
        return Optional.empty();
    }

    /** Throws AWS's {@code PasswordPolicyViolation} when {@code password} breaks the policy. */
    public void check(char[] password, String userName) {
        violation(password, userName).ifPresent(message -> {
            throw KeywardenException.of(ErrorCode.PASSWORD_POLICY_VIOLATION, message);
        });
    }
}
