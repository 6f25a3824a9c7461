package io.keywarden.core.identity;

import io.keywarden.core.error.KeywardenException;

/** Validation of IAM names ({@code [\w+=,.@-]+}): user names, policy names. */
public final class Names {
    private Names() {
    }

    /** Checks a name-shaped value for the given field and maximum length; AWS's validation messages otherwise. */
    public static String requireName(String value, String field, int maxLength) {
        if (value == null || value.isEmpty()) {
            throw KeywardenException.validation(field, "Member must have length greater than or equal to 1");
        }
        if (value.length() > maxLength) {
            throw KeywardenException.validation(field, "Member must have length less than or equal to " + maxLength);
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isNameChar(value.charAt(i))) {
                throw KeywardenException.validation(field, "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
            }
        }
        return value;
    }

    static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '+' || c == '=' || c == ',' || c == '.' || c == '@' || c == '-';
    }
}
