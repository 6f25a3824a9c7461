package io.keywarden.core.permissions;

import java.util.Objects;

/** A policy embedded in one user (PutUserPolicy). */
public record InlinePolicy(String policyName, String document) {
    public InlinePolicy {
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(document, "document");
    }
}
