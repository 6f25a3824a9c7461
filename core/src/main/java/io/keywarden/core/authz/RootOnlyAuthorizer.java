package io.keywarden.core.authz;

import io.keywarden.core.auth.Caller;

/**
 * The interim rule before policies: the root user may do everything, IAM users nothing (the caller-identity call
 * needs no permission and is never authorised).
 */
public final class RootOnlyAuthorizer implements Authorizer {
    @Override
    public boolean decidesFromMemory(Caller caller) {
        return true;
    }

    @Override
    public AuthorizationResult authorize(AuthorizationRequest request) {
        if (request.caller().principal().isRoot()) {
            return AuthorizationResult.of(Decision.ALLOW, "the root user may do everything");
        }
        return AuthorizationResult.of(Decision.IMPLICIT_DENY,
                "no identity-based policy allows the " + request.action() + " action");
    }
}
