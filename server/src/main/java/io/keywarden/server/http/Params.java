package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.port.PageRequest;

/** Path and query parameters to use-case arguments. */
final class Params {
    /** The user name that stands for the caller in paths ({@code /v1/users/me/...}). */
    static final String ME = "me";

    private Params() {
    }

    /** {@code me} to null (the caller, as the use cases take it); any other name as is. */
    static String userOrCaller(String user) {
        return ME.equals(user) ? null : user;
    }

    /**
     * For operations that need a name: {@code me} is the calling IAM user's name; the root user has none
     * (AWS's wording for non-user callers).
     */
    static String userName(Caller caller, String user) {
        if (!ME.equals(user)) {
            return user;
        }
        return caller.principal().user().map(u -> u.userName().value()).orElseThrow(() ->
                KeywardenException.of(io.keywarden.core.error.ErrorCode.VALIDATION_ERROR,
                        "Must specify userName when calling with non-User credentials"));
    }

    static PageRequest page(String marker, String maxItems) {
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
}
