package io.keywarden.core.policy;

import io.keywarden.core.authz.Decision;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of evaluating a request against policies, with its reasons.
 *
 * @param decision           {@link Decision#EXPLICIT_DENY} if a Deny statement applied (or could not be evaluated),
 *                           else {@link Decision#ALLOW} if an Allow statement applied, else
 *                           {@link Decision#IMPLICIT_DENY}
 * @param decidingStatements every Deny statement that applied, for an explicit deny; every Allow statement that
 *                           applied, for an allow; none for an implicit deny
 * @param errors             why each statement that could not be evaluated could not be (such a Deny statement
 *                           denies; such an Allow statement does not allow)
 * @param action             the request's action
 * @param resource           the request's resource
 */
public record Evaluation(Decision decision, List<MatchedStatement> decidingStatements, List<String> errors,
                         String action, String resource) {
    public Evaluation {
        Objects.requireNonNull(decision, "decision");
        decidingStatements = List.copyOf(decidingStatements);
        errors = List.copyOf(errors);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
    }

    public boolean allowed() {
        return decision.allowed();
    }

    /**
     * One line saying why: {@code allowed by policy P statement S}, {@code explicitly denied by policy P statement S},
     * or {@code no statement allowed iam:CreateAccessKey on arn:…}; followed by any evaluation errors.
     */
    public String explain() {
        String reason = switch (decision) {
            case ALLOW -> "allowed by " + statements();
            case EXPLICIT_DENY -> "explicitly denied by " + statements();
            case IMPLICIT_DENY -> "no statement allowed " + action + " on " + resource;
        };
        if (errors.isEmpty()) {
            return reason;
        }
        return reason + "; could not evaluate: " + String.join("; ", errors);
    }

    private String statements() {
        return decidingStatements.stream().map(MatchedStatement::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return decision + ": " + explain();
    }
}
