package io.keywarden.core.permissions;

import io.keywarden.core.authz.AuthorizationRequest;
import io.keywarden.core.authz.AuthorizationResult;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.Authorizer;
import io.keywarden.core.authz.Decision;
import io.keywarden.core.identity.User;
import io.keywarden.core.policy.CompiledPolicy;
import io.keywarden.core.policy.Evaluation;
import io.keywarden.core.policy.EvaluationRequest;
import io.keywarden.core.policy.MatchedStatement;
import io.keywarden.core.policy.PolicyEvaluator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Authorisation by IAM policies: the root user may do everything; an IAM user may do what its inline and attached
 * policies allow and no Deny forbids. Anything that cannot be evaluated (a policy that no longer parses, a source that
 * fails) denies, with the reason.
 */
public final class PolicyAuthorizer implements Authorizer {
    /** Supplies a user's compiled policies (inline and attached); the server caches them. */
    @FunctionalInterface
    public interface PolicySource {
        List<CompiledPolicy> policiesFor(User user);

        /** Whether {@link #policiesFor} would answer from memory now, without I/O. */
        default boolean inMemory(User user) {
            return false;
        }
    }

    private final PolicySource source;
    private final PolicyEvaluator evaluator;

    public PolicyAuthorizer(PolicySource source, PolicyEvaluator evaluator) {
        this.source = Objects.requireNonNull(source, "source");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    @Override
    public boolean decidesFromMemory(Caller caller) {
        return caller.principal().user().map(source::inMemory).orElse(true);
    }

    @Override
    public AuthorizationResult authorize(AuthorizationRequest request) {
        Optional<User> user = request.caller().principal().user();
        if (user.isEmpty()) {
            return AuthorizationResult.of(Decision.ALLOW, "the root user may do everything");
        }
        List<CompiledPolicy> policies;
        try {
            policies = source.policiesFor(user.get());
        } catch (RuntimeException e) {
            String why = "policies of " + user.get().arn() + " could not be loaded: " + e.getMessage();
            return new AuthorizationResult(Decision.EXPLICIT_DENY, why, List.of(), List.of(why));
        }
        Evaluation evaluation = evaluator.evaluate(
                new EvaluationRequest(request.action(), request.resource(),
                        RequestContexts.of(request.caller(), request.contextOverrides())),
                policies);
        return new AuthorizationResult(evaluation.decision(), evaluation.explain(),
                evaluation.decidingStatements().stream().map(MatchedStatement::id).toList(), evaluation.errors());
    }
}
