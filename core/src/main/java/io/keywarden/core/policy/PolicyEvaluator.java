package io.keywarden.core.policy;

import io.keywarden.core.authz.Decision;
import io.keywarden.core.policy.condition.Truth;
import io.keywarden.core.policy.internal.ArnParts;
import io.keywarden.core.policy.internal.Glob;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Evaluates a request against identity-based policies, as IAM does: any Deny statement that applies denies
 * explicitly; otherwise any Allow statement that applies allows; otherwise the request is implicitly denied.
 *
 * <p>Pure: no I/O, no clock (the time is the {@code aws:CurrentTime} key of the request's context), no state;
 * thread-safe. Fails closed: a statement that cannot be evaluated (a request value its condition cannot read, or
 * anything unexpected) is reported in {@link Evaluation#errors()}, denies if it is a Deny statement and does not
 * allow if it is an Allow statement.
 *
 * <p>Every statement is evaluated, so that the evaluation lists all the statements that decided. The root user is
 * not the evaluator's business: its caller allows root before asking.
 */
public final class PolicyEvaluator {
    private static final PolicyEvaluator INSTANCE = new PolicyEvaluator();

    private PolicyEvaluator() {
    }

    public static PolicyEvaluator create() {
        return INSTANCE;
    }

    public Evaluation evaluate(EvaluationRequest request, List<CompiledPolicy> policies) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(policies, "policies");
        String foldedAction = Glob.fold(request.action());
        ArnParts resource = ArnParts.of(request.resource());
        ConditionContext context = request.context();
        return decide(policies, request.action(), request.resource(),
                (statement, errors) -> statement.evaluate(foldedAction, resource, context, errors));
    }

    /** Whether one statement applies ({@link Truth}), its evaluation errors told to the consumer. */
    @FunctionalInterface
    interface StatementTest {
        Truth test(Statement statement, Consumer<String> errors);
    }

    /**
     * IAM's decision over every statement of the policies, each tested by {@code test}: any Deny that applies (or
     * cannot be evaluated) denies explicitly, else any Allow that applies allows, else an implicit deny. Shared by
     * identity-based policies and trust policies ({@link TrustPolicy}).
     */
    static Evaluation decide(List<CompiledPolicy> policies, String action, String resource, StatementTest test) {
        Errors errors = new Errors();
        List<MatchedStatement> denies = null;
        List<MatchedStatement> allows = null;
        for (CompiledPolicy policy : policies) {
            Statement[] statements = policy.statementArray();
            for (int i = 0; i < statements.length; i++) {
                Statement statement = statements[i];
                MatchedStatement reason = policy.reason(i);
                int mark = errors.begin(reason);
                Truth truth;
                try {
                    truth = test.test(statement, errors);
                } catch (RuntimeException e) {
                    errors.accept("unexpected failure: " + e);
                    truth = Truth.ERROR;
                }
                if (truth != Truth.ERROR) {
                    errors.discardFrom(mark); // errors that did not decide anything
                }
                if (statement.effect() == Effect.DENY) {
                    if (truth != Truth.FALSE) {
                        denies = add(denies, reason);
                    }
                } else if (truth == Truth.TRUE) {
                    allows = add(allows, reason);
                }
            }
        }
        Decision decision;
        List<MatchedStatement> deciding;
        if (denies != null) {
            decision = Decision.EXPLICIT_DENY;
            deciding = denies;
        } else if (allows != null) {
            decision = Decision.ALLOW;
            deciding = allows;
        } else {
            decision = Decision.IMPLICIT_DENY;
            deciding = List.of();
        }
        return new Evaluation(decision, deciding, errors.list(), action, resource);
    }

    private static List<MatchedStatement> add(List<MatchedStatement> list, MatchedStatement reason) {
        List<MatchedStatement> result = list == null ? new ArrayList<>(2) : list;
        result.add(reason);
        return result;
    }

    /** Collects error messages, each prefixed with the statement being evaluated. */
    private static final class Errors implements Consumer<String> {
        private List<String> messages;
        private MatchedStatement current;

        int begin(MatchedStatement statement) {
            current = statement;
            return messages == null ? 0 : messages.size();
        }

        @Override
        public void accept(String message) {
            if (messages == null) {
                messages = new ArrayList<>(2);
            }
            messages.add(current + ": " + message);
        }

        void discardFrom(int mark) {
            if (messages != null && messages.size() > mark) {
                messages.subList(mark, messages.size()).clear();
            }
        }

        List<String> list() {
            return messages == null ? List.of() : messages;
        }
    }
}
