package io.keywarden.core.permissions;

import io.keywarden.core.authz.AuthorizationRequest;
import io.keywarden.core.authz.AuthorizationResult;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.Authorizer;
import io.keywarden.core.authz.Decision;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.policy.CompiledPolicy;
import io.keywarden.core.policy.Evaluation;
import io.keywarden.core.policy.EvaluationRequest;
import io.keywarden.core.policy.MatchedStatement;
import io.keywarden.core.policy.PolicyEvaluator;
import io.keywarden.core.session.Session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Authorisation by IAM policies: the root user may do everything; an IAM user may do what its inline and attached
 * policies allow and no Deny forbids. Anything that cannot be evaluated (a policy that no longer parses, a source that
 * fails) denies, with the reason.
 *
 * <p>Temporary credentials: {@link SessionRules} first (GetSessionToken sessions call no IAM action and no STS action
 * but AssumeRole), then the principal's policies as for a long-term key. A role session is decided by the role's
 * policies ({@link PolicySource#policiesForRole}); until that is wired, it is denied (fails closed).
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

        /**
         * A role's compiled policies (inline and attached), for its sessions. Not implemented by default: a role
         * session is then denied, with the reason.
         */
        default List<CompiledPolicy> policiesForRole(AccountId account, String roleId) {
            throw new UnsupportedOperationException(ROLE_PLACEHOLDER);
        }

        /** Whether {@link #policiesForRole} would answer from memory now, without I/O. */
        default boolean roleInMemory(AccountId account, String roleId) {
            return false;
        }

        /**
         * The managed policies a session names as session policies ({@code PolicyArns}), compiled. A policy that no
         * longer exists fails (and the request is denied). Not implemented by default: such sessions are denied.
         */
        default List<CompiledPolicy> managedPolicies(AccountId account, List<String> arns) {
            throw new UnsupportedOperationException("managed session policies cannot be read here");
        }
    }

    /** Why a role session is denied while roles' policies are not wired. */
    public static final String ROLE_PLACEHOLDER = "role sessions are authorised by the role's policies";

    private final PolicySource source;
    private final PolicyEvaluator evaluator;

    public PolicyAuthorizer(PolicySource source, PolicyEvaluator evaluator) {
        this.source = Objects.requireNonNull(source, "source");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    @Override
    public boolean decidesFromMemory(Caller caller) {
        Principal p = caller.principal();
        if (p instanceof Principal.AssumedRole role) {
            return source.roleInMemory(role.accountId(), role.roleId());
        }
        return p.user().map(source::inMemory).orElse(true);
    }

    @Override
    public AuthorizationResult authorize(AuthorizationRequest request) {
        Optional<AuthorizationResult> sessionRule = SessionRules.check(request);
        if (sessionRule.isPresent()) {
            return sessionRule.get();
        }
        Principal principal = request.caller().principal();
        if (principal.isRoot()) {
            return AuthorizationResult.of(Decision.ALLOW, "the root user may do everything");
        }
        List<CompiledPolicy> policies;
        try {
            if (principal instanceof Principal.AssumedRole role) {
                policies = source.policiesForRole(role.accountId(), role.roleId());
            } else {
                policies = source.policiesFor(principal.user().orElseThrow());
            }
        } catch (RuntimeException e) {
            String why = e instanceof UnsupportedOperationException && ROLE_PLACEHOLDER.equals(e.getMessage())
                    ? ROLE_PLACEHOLDER
                    : "policies of " + principal.principalArn() + " could not be loaded: " + e.getMessage();
            return new AuthorizationResult(Decision.EXPLICIT_DENY, why, List.of(), List.of(why));
        }
        EvaluationRequest evaluationRequest = new EvaluationRequest(request.action(), request.resource(),
                RequestContexts.of(request.caller(), request.contextOverrides()));
        Evaluation evaluation = evaluator.evaluate(evaluationRequest, policies);
        Session session = request.caller().session();
        if (evaluation.decision() == Decision.ALLOW && session != null
                && (session.sessionPolicy() != null || !session.policyArns().isEmpty())) {
            return narrowedBySession(evaluationRequest, principal, session, evaluation);
        }
        return result(evaluation, "");
    }

    /**
     * Session policies only narrow: the session may do what its principal's policies allow and its session policies
     * (inline and managed) also allow; a Deny in either wins.
     */
    private AuthorizationResult narrowedBySession(EvaluationRequest evaluationRequest, Principal principal,
                                                  Session session, Evaluation allowed) {
        List<CompiledPolicy> sessionPolicies = new java.util.ArrayList<>();
        try {
            if (session.sessionPolicy() != null) {
                sessionPolicies.add(CompiledPolicy.parse("SessionPolicy", session.sessionPolicy()));
            }
            if (!session.policyArns().isEmpty()) {
                sessionPolicies.addAll(source.managedPolicies(principal.accountId(), session.policyArns()));
            }
        } catch (RuntimeException e) {
            String why = "the session policies of " + principal.arn() + " could not be read: " + e.getMessage();
            return new AuthorizationResult(Decision.EXPLICIT_DENY, why, List.of(), List.of(why));
        }
        Evaluation narrowed = evaluator.evaluate(evaluationRequest, sessionPolicies);
        if (narrowed.decision() == Decision.ALLOW) {
            return result(allowed, "");
        }
        return result(narrowed, "session policy: ");
    }

    private static AuthorizationResult result(Evaluation evaluation, String prefix) {
        return new AuthorizationResult(evaluation.decision(), prefix + evaluation.explain(),
                evaluation.decidingStatements().stream().map(MatchedStatement::id).toList(), evaluation.errors());
    }
}
