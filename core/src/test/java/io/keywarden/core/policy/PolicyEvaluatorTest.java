package io.keywarden.core.policy;

import io.keywarden.core.authz.Decision;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyEvaluatorTest {
    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";
    private static final PolicyEvaluator EVALUATOR = PolicyEvaluator.create();

    private static final CompiledPolicy SELF_SERVICE = CompiledPolicy.parse("SelfService", """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "OwnKeys", "Effect": "Allow", "Action": "iam:*AccessKey*",
               "Resource": "arn:aws:iam::*:user/${aws:username}"},
              {"Sid": "NotFromOutside", "Effect": "Deny", "Action": "*", "Resource": "*",
               "Condition": {"NotIpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}}
            ]}""");

    private static ConditionContext context(String user, String ip) {
        return ConditionContext.builder().put("aws:username", user).put("aws:SourceIp", ip).build();
    }

    @Test
    void allowsAndSaysWhy() {
        Evaluation evaluation = EVALUATOR.evaluate(
                EvaluationRequest.of("iam:CreateAccessKey", ALICE, context("alice", "203.0.113.9")),
                List.of(SELF_SERVICE));
        assertThat(evaluation.decision()).isEqualTo(Decision.ALLOW);
        assertThat(evaluation.allowed()).isTrue();
        assertThat(evaluation.decidingStatements())
                .containsExactly(new MatchedStatement("SelfService", "OwnKeys", 0, Effect.ALLOW));
        assertThat(evaluation.decidingStatements().get(0).id()).isEqualTo("SelfService/OwnKeys");
        assertThat(evaluation.errors()).isEmpty();
        assertThat(evaluation.explain()).isEqualTo("allowed by policy SelfService statement OwnKeys");
    }

    @Test
    void explicitDenyWinsAndSaysWhich() {
        Evaluation evaluation = EVALUATOR.evaluate(
                EvaluationRequest.of("iam:CreateAccessKey", ALICE, context("alice", "198.51.100.1")),
                List.of(SELF_SERVICE));
        assertThat(evaluation.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(evaluation.explain()).isEqualTo("explicitly denied by policy SelfService statement NotFromOutside");
    }

    @Test
    void implicitDenyNamesTheActionAndResource() {
        Evaluation evaluation = EVALUATOR.evaluate(
                EvaluationRequest.of("iam:CreateAccessKey", "arn:aws:iam::123456789012:user/bob",
                        context("alice", "203.0.113.9")),
                List.of(SELF_SERVICE));
        assertThat(evaluation.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(evaluation.decidingStatements()).isEmpty();
        assertThat(evaluation.explain())
                .isEqualTo("no statement allowed iam:CreateAccessKey on arn:aws:iam::123456789012:user/bob");
    }

    @Test
    void failsClosedWhenADenyCannotBeEvaluated() {
        Evaluation evaluation = EVALUATOR.evaluate(
                EvaluationRequest.of("iam:CreateAccessKey", ALICE, context("alice", "not-an-ip")),
                List.of(SELF_SERVICE));
        assertThat(evaluation.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(evaluation.errors()).containsExactly("policy SelfService statement NotFromOutside: condition "
                + "'NotIpAddress' on key 'aws:SourceIp': request value 'not-an-ip' is not an IP address");
        assertThat(evaluation.explain()).startsWith("explicitly denied by policy SelfService statement NotFromOutside; "
                + "could not evaluate: policy SelfService statement NotFromOutside: condition 'NotIpAddress'");
    }

    @Test
    void resultsAreImmutable() {
        Evaluation evaluation = EVALUATOR.evaluate(
                EvaluationRequest.of("iam:CreateAccessKey", ALICE, context("alice", "203.0.113.9")),
                List.of(SELF_SERVICE));
        assertThat(evaluation.decidingStatements()).isUnmodifiable();
        assertThat(evaluation.errors()).isUnmodifiable();
    }

    @Test
    void givesTheSameAnswersFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String user = (i + seed) % 2 == 0 ? "alice" : "bob";
                        Evaluation evaluation = EVALUATOR.evaluate(
                                EvaluationRequest.of("iam:UpdateAccessKey", ALICE, context(user, "203.0.113.9")),
                                List.of(SELF_SERVICE));
                        if (evaluation.allowed() != user.equals("alice")) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void actionAndResourcePatternsCanBeUsedAlone() {
        assertThat(ActionPattern.parse("iam:*AccessKey*").matches("IAM:createaccesskey")).isTrue();
        ResourcePattern own = ResourcePattern.parse("arn:aws:iam::*:user/${aws:username}", true);
        assertThat(own.matches(ALICE, context("alice", "1.2.3.4"))).isTrue();
        assertThat(own.matches(ALICE, ConditionContext.empty())).isFalse();
    }
}
