package io.keywarden.core.permissions;

import io.keywarden.core.policy.CompiledPolicy;
import io.keywarden.core.policy.ConditionContext;
import io.keywarden.core.authz.Decision;
import io.keywarden.core.policy.Evaluation;
import io.keywarden.core.policy.EvaluationRequest;
import io.keywarden.core.policy.PolicyEvaluator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Revoke active sessions": sessions issued before the revocation (to the second, rounded up) are denied. */
class RevokeOlderSessionsTest {
    private final PolicyEvaluator evaluator = PolicyEvaluator.create();
    private final Instant revokedAt = Instant.parse("2026-12-04T12:00:10.628Z");
    private final List<CompiledPolicy> policies = List.of(CompiledPolicy.parse(AssumeRoleService.REVOKE_POLICY,
            AssumeRoleService.revokeOlderSessions(revokedAt)));

    private Decision decisionFor(String tokenIssueTime) {
        ConditionContext.Builder b = ConditionContext.builder();
        if (tokenIssueTime != null) {
            b.put("aws:TokenIssueTime", tokenIssueTime);
        }
        Evaluation e = evaluator.evaluate(EvaluationRequest.of("iam:ListUsers", "*", b.build()), policies);
        return e.decision();
    }

    @Test
    void deniesSessionsIssuedBeforeOrInTheSameSecondAndNothingElse() {
        assertThat(AssumeRoleService.revokeOlderSessions(revokedAt)).contains("\"2026-12-04T12:00:11Z\"");
        assertThat(decisionFor("2026-12-04T12:00:09Z")).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(decisionFor("2026-12-04T12:00:10Z")).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(decisionFor("2026-12-04T12:00:11Z")).isEqualTo(Decision.IMPLICIT_DENY); // not denied by it
        assertThat(decisionFor(null)).isEqualTo(Decision.IMPLICIT_DENY); // long-term keys have no issue time
    }
}
