package io.keywarden.core.policy;

import java.util.Objects;

/**
 * A statement that decided an evaluation.
 *
 * @param policyName the name the policy was evaluated under
 * @param sid        the statement's {@code Sid}, or null if it has none
 * @param index      the statement's position in its policy, from 0
 * @param effect     {@code Allow} for the statements that allowed, {@code Deny} for those that denied
 */
public record MatchedStatement(String policyName, String sid, int index, Effect effect) {
    public MatchedStatement {
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(effect, "effect");
        if (sid != null && sid.isEmpty()) {
            sid = null;
        }
    }

    /** The {@code Sid}, or {@code Statement[i]} when the statement has none. */
    public String label() {
        return sid != null ? sid : Statement.label(index);
    }

    /** {@code policyName/label}, e.g. {@code ManageOwnAccessKeys/ManageOwnAccessKeys}. */
    public String id() {
        return policyName + "/" + label();
    }

    /** {@code policy NAME statement LABEL}. */
    @Override
    public String toString() {
        return "policy " + policyName + " statement " + label();
    }
}
