package io.keywarden.core.operation;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.port.PageRequest;

/**
 * Request values that arrive as text on both faces (a query string, a form), read by one rule each so that the same
 * bad input gets the same error on either face.
 */
public final class Parameters {
    /**
     * The name that stands for the caller in REST paths ({@code /v1/users/~/...}): {@code ~}, which no IAM user name
     * can be ({@code [\w+=,.@-]}), so every other {@code /v1/users/{user}} is always the literal user (a user named
     * {@code me} is reachable as {@code /v1/users/me}). Kubernetes and OpenShift spell "myself" the same way.
     */
    public static final String ME = "~";

    private Parameters() {
    }

    /** {@code ~} to null (the caller, as operations that default to the caller take it); any other name as is. */
    public static String userOrCaller(String user) {
        return ME.equals(user) ? null : user;
    }

    /**
     * For operations that need a name: {@code ~} is the calling IAM user's own name; the root user has none (AWS's
     * wording for non-user callers).
     */
    public static String userName(Caller caller, String user) {
        if (!ME.equals(user)) {
            return user;
        }
        return caller.principal().user().map(u -> u.userName().value()).orElseThrow(() ->
                KeywardenException.of(ErrorCode.VALIDATION_ERROR,
                        "Must specify userName when calling with non-User credentials"));
    }

    /** {@code MaxItems} (1 to 1000, default 100) and {@code Marker}, both optional. */
    public static PageRequest page(String marker, String maxItems) {
        Integer max = null;
        if (maxItems != null) {
            try {
                max = Integer.valueOf(maxItems.trim());
            } catch (NumberFormatException e) {
                throw KeywardenException.validation("maxItems", "Member must have value between 1 and 1000");
            }
        }
        return PageRequest.of(marker, max);
    }

    /**
     * A {@code PathPrefix} of a list operation: {@code /} when absent, otherwise {@code /} followed by printable
     * ASCII, at most 512 characters (AWS's pattern and bound, for users and policies alike).
     */
    public static String pathPrefix(String value) {
        if (value == null) {
            return "/";
        }
        boolean ok = !value.isEmpty() && value.length() <= 512 && value.charAt(0) == '/';
        for (int i = 1; ok && i < value.length(); i++) {
            ok = value.charAt(i) >= 0x21 && value.charAt(i) <= 0x7F;
        }
        if (!ok) {
            throw KeywardenException.validation("pathPrefix",
                    "Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*");
        }
        return value;
    }

    /** A whole number ({@code MaxSessionDuration}, ...); null when absent; {@code ValidationError} otherwise. */
    public static Integer integer(String value, String member) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw KeywardenException.validation(member, "Member must be a whole number");
        }
    }

    /** {@code true} or {@code false}, in any case; {@code defaultValue} when absent. */
    public static boolean bool(String value, String member, boolean defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw KeywardenException.validation(member, "Member must be a boolean (true or false)");
    }
}
