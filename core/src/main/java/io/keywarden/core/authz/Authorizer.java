package io.keywarden.core.authz;

import io.keywarden.core.auth.Caller;

/**
 * Decides whether a caller may perform an action on a resource. Implementations do no I/O on the decision path
 * beyond reading already-loaded policies, explain every decision, and fail closed.
 */
public interface Authorizer {
    AuthorizationResult authorize(AuthorizationRequest request);

    /**
     * Whether this caller's requests are decided from memory now, without I/O (cache-first: a face may then run the
     * operation on a thread that must not block). False when in doubt.
     */
    default boolean decidesFromMemory(Caller caller) {
        return false;
    }
}
