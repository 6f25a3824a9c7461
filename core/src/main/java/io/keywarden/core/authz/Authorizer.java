package io.keywarden.core.authz;

/**
 * Decides whether a caller may perform an action on a resource. Implementations do no I/O on the decision path
 * beyond reading already-loaded policies, explain every decision, and fail closed.
 */
public interface Authorizer {
    AuthorizationResult authorize(AuthorizationRequest request);
}
