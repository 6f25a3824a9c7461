package io.keywarden.core.policy;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.policy.internal.Glob;

import java.util.Objects;

/**
 * An entry of {@code Action} or {@code NotAction}: {@code *}, or {@code service:Action} where the action part may
 * hold {@code *} and {@code ?} (e.g. {@code iam:*AccessKey*}). Matching is case-insensitive, as in AWS.
 */
public final class ActionPattern {
    private final String text;
    private final Glob folded;

    private ActionPattern(String text, Glob folded) {
        this.text = text;
        this.folded = folded;
    }

    /**
     * Parses an action pattern.
     *
     * @throws KeywardenException {@link ErrorCode#MALFORMED_POLICY_DOCUMENT} if it is not {@code *} or
     *                            {@code service:Action}
     */
    public static ActionPattern parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.equals("*")) {
            int colon = text.indexOf(':');
            if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) {
                throw malformed("action '" + text + "' must be '*' or of the form 'service:Action'");
            }
            for (int i = 0; i < colon; i++) {
                char c = text.charAt(i);
                if (c == '*' || c == '?') {
                    throw malformed("action '" + text + "' has a wildcard in its service prefix '"
                            + text.substring(0, colon) + "'");
                }
                if (!isNameChar(c)) {
                    throw malformed("action '" + text + "' has a character that is not allowed in a service prefix: '"
                            + c + "'");
                }
            }
            for (int i = colon + 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!isNameChar(c) && c != '*' && c != '?') {
                    throw malformed("action '" + text + "' has a character that is not allowed in an action name: '"
                            + c + "'");
                }
            }
        }
        return new ActionPattern(text, Glob.of(Glob.fold(text)));
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.';
    }

    private static KeywardenException malformed(String message) {
        return new KeywardenException(ErrorCode.MALFORMED_POLICY_DOCUMENT, message);
    }

    /** The pattern as written. */
    public String text() {
        return text;
    }

    /** Whether the action ({@code service:Action}, any case) matches. */
    public boolean matches(String action) {
        return matchesFolded(Glob.fold(action));
    }

    /** Whether an action already passed through {@link Glob#fold(String)} matches. */
    boolean matchesFolded(String foldedAction) {
        return folded.matches(foldedAction);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActionPattern other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
