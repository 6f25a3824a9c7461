package io.keywarden.core.authz;

import io.keywarden.core.auth.Caller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * "May this caller perform this action on this resource?"
 *
 * @param action           {@code service:Action}, e.g. {@code iam:CreateAccessKey}
 * @param resource         the target's ARN, or {@code *}
 * @param contextOverrides condition keys that replace (or, with no values, remove) those the caller's request gives;
 *                         empty for a real request
 * @param simulated        whether this is a simulation (nothing is performed; audit logs do not count it as a denial)
 */
public record AuthorizationRequest(Caller caller, String action, String resource,
                                   Map<String, List<String>> contextOverrides, boolean simulated) {
    public AuthorizationRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(contextOverrides, "contextOverrides");
        if (!contextOverrides.isEmpty()) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            contextOverrides.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "context key"), List.copyOf(v)));
            contextOverrides = java.util.Collections.unmodifiableMap(copy);
        } else {
            contextOverrides = Map.of();
        }
    }

    /** A real request: the context is the caller's. */
    public AuthorizationRequest(Caller caller, String action, String resource) {
        this(caller, action, resource, Map.of(), false);
    }

    /** A simulated request whose context is the caller's with {@code contextOverrides} applied. */
    public static AuthorizationRequest simulation(Caller caller, String action, String resource,
                                                  Map<String, List<String>> contextOverrides) {
        return new AuthorizationRequest(caller, action, resource, contextOverrides, true);
    }
}
