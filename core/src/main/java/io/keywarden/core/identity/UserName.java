package io.keywarden.core.identity;

import io.keywarden.core.error.KeywardenException;

import java.util.Locale;

/**
 * An IAM user name: 1 to 64 characters of {@code [A-Za-z0-9+=,.@_-]}. Unique case-insensitively within an
 * account ({@link #key()}), while the original case is kept for display and ARNs.
 */
public record UserName(String value) {
    public static final int MAX_LENGTH = 64;

    public UserName {
        validate(value, "userName", MAX_LENGTH);
    }

    public static UserName of(String value) {
        return new UserName(value);
    }

    /** The case-folded form that uniqueness is decided on. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** Validates a user-name-shaped value ({@code [\w+=,.@-]+}) for the given field and length. */
    static void validate(String value, String field, int maxLength) {
        if (value == null || value.isEmpty()) {
            throw KeywardenException.validation(field, "Member must have length greater than or equal to 1");
        }
        if (value.length() > maxLength) {
            throw KeywardenException.validation(field, "Member must have length less than or equal to " + maxLength);
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isNameChar(value.charAt(i))) {
                throw KeywardenException.validation(field,
                        "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
            }
        }
    }

    static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '+' || c == '=' || c == ',' || c == '.' || c == '@' || c == '-';
    }

    @Override
    public String toString() {
        return value;
    }
}
