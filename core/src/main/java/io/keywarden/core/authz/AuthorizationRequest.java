package io.keywarden.core.authz;

import io.keywarden.core.auth.Caller;

import java.util.Objects;

/**
 * "May this caller perform this action on this resource?"
 *
 * @param action   {@code service:Action}, e.g. {@code iam:CreateAccessKey}
 * @param resource the target's ARN, or {@code *}
 */
public record AuthorizationRequest(Caller caller, String action, String resource) {
    public AuthorizationRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
    }
}
