package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;

/** Path parameters to typed request values. */
final class Params {
    /** The user name that stands for the caller in paths ({@code /v1/users/me/...}). */
    static final String ME = "me";

    private Params() {
    }

    /** {@code me} to null (the caller, as the operations take it); any other name as is. */
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
                KeywardenException.of(ErrorCode.VALIDATION_ERROR,
                        "Must specify userName when calling with non-User credentials"));
    }
}
