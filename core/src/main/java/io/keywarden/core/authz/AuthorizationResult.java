package io.keywarden.core.authz;

import java.util.List;
import java.util.Objects;

/**
 * A decision with its reasons.
 *
 * @param explanation        one human-readable line: what decided
 * @param decidingStatements the statements that decided, as {@code policyName/sid}
 * @param errors             anything that could not be evaluated (which never allows)
 */
public record AuthorizationResult(Decision decision, String explanation, List<String> decidingStatements,
                                  List<String> errors) {
    public AuthorizationResult {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(explanation, "explanation");
        decidingStatements = List.copyOf(decidingStatements);
        errors = List.copyOf(errors);
    }

    public static AuthorizationResult of(Decision decision, String explanation) {
        return new AuthorizationResult(decision, explanation, List.of(), List.of());
    }

    public boolean allowed() {
        return decision.allowed();
    }
}
