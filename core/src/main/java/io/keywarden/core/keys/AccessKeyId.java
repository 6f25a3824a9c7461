package io.keywarden.core.keys;

import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * An access key ID such as {@code AKIARZPUZDIKGB2VALC4}. Syntactically any 16 to 128 word characters are
 * accepted (the AWS model); IDs Keywarden issues are 20 characters, {@code AKIA} (long-term) or {@code ASIA}
 * (temporary) followed by 16 base32 characters that encode the owning account the way AWS's newer keys do:
 * {@code prefix + b32(acct/2 + 2^39, 40 bits) + c + 7 random}, where {@code c} carries the account's parity.
 */
public record AccessKeyId(String value) {
    public static final String LONG_TERM_PREFIX = "AKIA";
    public static final String TEMPORARY_PREFIX = "ASIA";
    private static final long OFFSET = 1L << 39;

    public AccessKeyId {
        if (value == null || value.length() < 16) {
            throw KeywardenException.validation("accessKeyId", "Member must have length greater than or equal to 16");
        }
        if (value.length() > 128) {
            throw KeywardenException.validation("accessKeyId", "Member must have length less than or equal to 128");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!word) {
                throw KeywardenException.validation("accessKeyId", "Member must satisfy regular expression pattern: [\\w]+");
            }
        }
    }

    /**
     * Whether {@code value} has the shape of an ID Keywarden issues: {@code AKIA} or {@code ASIA} followed by 16
     * characters of {@code [A-Z2-7]}. Authentication answers any other claimed ID at once, without a look-up.
     */
    public static boolean isWellFormed(String value) {
        return value != null && value.length() == 20
                && (value.startsWith(LONG_TERM_PREFIX) || value.startsWith(TEMPORARY_PREFIX))
                && Base32.isBase32(value.substring(4));
    }

    public static AccessKeyId of(String value) {
        return new AccessKeyId(value);
    }

    /** Issues a new long-term key ID for the account. */
    public static AccessKeyId generate(AccountId account, RandomGenerator random) {
        return generate(LONG_TERM_PREFIX, account, random);
    }

    /** Issues a new temporary ({@code ASIA…}) key ID for the account, encoded exactly like a long-term one. */
    public static AccessKeyId generateTemporary(AccountId account, RandomGenerator random) {
        return generate(TEMPORARY_PREFIX, account, random);
    }

    public static AccessKeyId generate(String prefix, AccountId account, RandomGenerator random) {
        long acct = account.asLong();
        StringBuilder sb = new StringBuilder(20).append(prefix);
        sb.append(Base32.encodeBits(acct / 2 + OFFSET, 40));
        int parityChar = (int) ((acct & 1) * 16 + random.nextInt(16));
        sb.append(Base32.ALPHABET.charAt(parityChar));
        for (int i = 0; i < 7; i++) {
            sb.append(Base32.ALPHABET.charAt(random.nextInt(32)));
        }
        return new AccessKeyId(sb.toString());
    }

    /**
     * The account encoded in the ID, for any ID of the newer format (20 characters, a known prefix, base32,
     * character 5 in {@code Q-Z2-7}); empty for IDs that carry no account (e.g. old {@code AKIAI...} keys).
     */
    public Optional<AccountId> account() {
        if (!isWellFormed(value)) {
            return Optional.empty();
        }
        String body = value.substring(4);
        // the first 6 bytes of the decoded body: 48 bits = the first 9.6 characters; take 10 characters (50 bits)
        long tenChars = Base32.decodeBits(body.substring(0, 10));
        long z = tenChars >>> 2;
        long acct = (z & 0x7fffffffff80L) >>> 7;
        if ((z >>> 47) == 0) {
            return Optional.empty();
        }
        String digits = String.format("%012d", acct);
        return digits.length() == 12 ? Optional.of(new AccountId(digits)) : Optional.empty();
    }

    public boolean isTemporary() {
        return value.startsWith(TEMPORARY_PREFIX);
    }

    @Override
    public String toString() {
        return value;
    }
}
