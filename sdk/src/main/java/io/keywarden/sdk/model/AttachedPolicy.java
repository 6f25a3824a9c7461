package io.keywarden.sdk.model;

import java.util.Objects;

/**
 * A managed policy attached to a user (ListAttachedUserPolicies).
 *
 * @param policyName the policy's name
 * @param policyArn  the policy's ARN
 */
public record AttachedPolicy(String policyName, String policyArn) {
    public AttachedPolicy {
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(policyArn, "policyArn");
    }
}
