package io.keywarden.sdk.model;

/**
 * The account password policy (GetAccountPasswordPolicy, UpdateAccountPasswordPolicy), with AWS's fields. Build one
 * to set with {@link #builder()}: what is not set takes AWS's default (length 6, everything else off).
 *
 * @param minimumPasswordLength      6 to 128
 * @param requireSymbols             at least one of {@code ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '}
 * @param requireNumbers             at least one digit
 * @param requireUppercaseCharacters at least one of A-Z
 * @param requireLowercaseCharacters at least one of a-z
 * @param allowUsersToChangePassword every IAM user may change their own password
 * @param expirePasswords            whether passwords expire (exactly when {@code maxPasswordAge} is set; read only)
 * @param maxPasswordAge             days before a password expires (1 to 1095); null: never
 * @param passwordReusePrevention    previous passwords that may not be reused (1 to 24); null: no check
 * @param hardExpiry                 an expired password cannot be changed at sign-in (an administrator resets it)
 */
public record PasswordPolicy(int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
                             boolean requireUppercaseCharacters, boolean requireLowercaseCharacters,
                             boolean allowUsersToChangePassword, boolean expirePasswords, Integer maxPasswordAge,
                             Integer passwordReusePrevention, boolean hardExpiry) {

    public static Builder builder() {
        return new Builder();
    }

    /** A policy to set; the server checks the ranges ({@code ValidationException}). */
    public static final class Builder {
        private int minimumPasswordLength = 6;
        private boolean requireSymbols;
        private boolean requireNumbers;
        private boolean requireUppercaseCharacters;
        private boolean requireLowercaseCharacters;
        private boolean allowUsersToChangePassword;
        private Integer maxPasswordAge;
        private Integer passwordReusePrevention;
        private boolean hardExpiry;

        private Builder() {
        }

        public Builder minimumPasswordLength(int length) {
            this.minimumPasswordLength = length;
            return this;
        }

        public Builder requireSymbols(boolean value) {
            this.requireSymbols = value;
            return this;
        }

        public Builder requireNumbers(boolean value) {
            this.requireNumbers = value;
            return this;
        }

        public Builder requireUppercaseCharacters(boolean value) {
            this.requireUppercaseCharacters = value;
            return this;
        }

        public Builder requireLowercaseCharacters(boolean value) {
            this.requireLowercaseCharacters = value;
            return this;
        }

        public Builder allowUsersToChangePassword(boolean value) {
            this.allowUsersToChangePassword = value;
            return this;
        }

        /** Days before a password expires; null: never. */
        public Builder maxPasswordAge(Integer days) {
            this.maxPasswordAge = days;
            return this;
        }

        /** Previous passwords that may not be reused; null: no check. */
        public Builder passwordReusePrevention(Integer count) {
            this.passwordReusePrevention = count;
            return this;
        }

        public Builder hardExpiry(boolean value) {
            this.hardExpiry = value;
            return this;
        }

        public PasswordPolicy build() {
            return new PasswordPolicy(minimumPasswordLength, requireSymbols, requireNumbers,
                    requireUppercaseCharacters, requireLowercaseCharacters, allowUsersToChangePassword,
                    maxPasswordAge != null, maxPasswordAge, passwordReusePrevention, hardExpiry);
        }
    }
}
