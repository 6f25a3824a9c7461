package io.keywarden.core.identity;

import io.keywarden.core.error.KeywardenException;

/** An IAM path: {@code /} or {@code /segment/.../}, 1 to 512 printable ASCII characters. */
public record UserPath(String value) {
    public static final UserPath ROOT = new UserPath("/");

    public UserPath {
        if (value == null || value.isEmpty()) {
            throw KeywardenException.validation("path", "Member must have length greater than or equal to 1");
        }
        if (value.length() > 512) {
            throw KeywardenException.validation("path", "Member must have length less than or equal to 512");
        }
        boolean shape = value.equals("/") || (value.length() >= 3 && value.startsWith("/") && value.endsWith("/"));
        boolean printable = value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
        if (!shape || !printable) {
            throw KeywardenException.validation("path",
                    "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
        }
    }

    public static UserPath of(String value) {
        return value == null ? ROOT : new UserPath(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
