package io.keywarden.core.password;

import io.keywarden.core.audit.Sensitive;
import io.keywarden.core.error.KeywardenException;

import java.util.Arrays;

/**
 * A console password as a request carries it: 1 to 128 characters of tab, line feed, carriage return and
 * {@code U+0020}–{@code U+00FF} (AWS's pattern). {@link Sensitive}: the audit trail writes it as hidden, and
 * {@link #toString()} redacts it. The characters are kept in an array that {@link #clear()} overwrites once the
 * password has been hashed or checked.
 */
public final class Password implements Sensitive {
    public static final int MAX_LENGTH = 128;
    private final char[] chars;

    private Password(char[] chars) {
        this.chars = chars;
    }

    /** A password parameter; null when absent; AWS's {@code ValidationError} naming {@code member} when malformed. */
    public static Password parse(String value, String member) {
        return value == null ? null : of(value.toCharArray(), member);
    }

    /** A copy of {@code value}, checked as {@link #parse}. */
    public static Password of(char[] value, String member) {
        if (value == null || value.length == 0) {
            throw KeywardenException.validation(member, "Member must have length greater than or equal to 1");
        }
        if (value.length > MAX_LENGTH) {
            throw KeywardenException.validation(member, "Member must have length less than or equal to " + MAX_LENGTH);
        }
        for (char c : value) {
            if (!(c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFF))) {
                throw KeywardenException.validation(member,
                        "Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
            }
        }
        return new Password(value.clone());
    }

    /**
     * A password given to be checked, not set (a sign-in): taken as it is, without the rules of a new password, so
     * that a malformed one is refused like any wrong one rather than told apart; null when absent.
     */
    public static Password given(char[] value) {
        return value == null ? null : new Password(value.clone());
    }

    /** The characters themselves (not a copy): read them where they are needed (hashing, checking), never keep them. */
    public char[] chars() {
        return chars;
    }

    public int length() {
        return chars.length;
    }

    /** Overwrites the characters. */
    public void clear() {
        Arrays.fill(chars, '\0');
    }

    @Override
    public String toString() {
        return "Password[redacted]";
    }
}
