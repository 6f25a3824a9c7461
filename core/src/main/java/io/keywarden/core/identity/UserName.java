package io.keywarden.core.identity;

import java.util.Locale;

/**
 * An IAM user name: 1 to 64 characters of {@code [A-Za-z0-9+=,.@_-]}. Unique case-insensitively within an
 * account ({@link #key()}), while the original case is kept for display and ARNs.
 */
public record UserName(String value) {
    public static final int MAX_LENGTH = 64;

    public UserName {
        Names.requireName(value, "userName", MAX_LENGTH);
    }

    public static UserName of(String value) {
        return new UserName(value);
    }

    /** The case-folded form that uniqueness is decided on. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
