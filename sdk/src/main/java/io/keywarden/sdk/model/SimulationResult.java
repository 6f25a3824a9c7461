package io.keywarden.sdk.model;

import io.keywarden.core.authz.Decision;

import java.util.List;
import java.util.Objects;

/**
 * What the policy simulator answered.
 *
 * @param decision           {@link Decision#ALLOW}, {@link Decision#EXPLICIT_DENY} or {@link Decision#IMPLICIT_DENY}
 * @param explanation        why, in one line (e.g. {@code allowed by policy P statement S})
 * @param decidingStatements the statements that decided, as {@code policyName/Sid} ({@code policyName/Statement[i]}
 *                           for a statement without a Sid; managed policies are named by their ARN)
 * @param errors             conditions that could not be evaluated (they never allow)
 */
public record SimulationResult(Decision decision, String explanation, List<String> decidingStatements,
                               List<String> errors) {
    public SimulationResult {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(explanation, "explanation");
        decidingStatements = List.copyOf(decidingStatements);
        errors = List.copyOf(errors);
    }

    public boolean allowed() {
        return decision.allowed();
    }
}
