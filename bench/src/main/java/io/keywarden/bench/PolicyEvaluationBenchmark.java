package io.keywarden.bench;

import io.keywarden.core.authz.Decision;
import io.keywarden.core.policy.CompiledPolicy;
import io.keywarden.core.policy.ConditionContext;
import io.keywarden.core.policy.Evaluation;
import io.keywarden.core.policy.EvaluationRequest;
import io.keywarden.core.policy.PolicyEvaluator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Evaluation of one 10-statement policy with conditions (StringEquals, StringLike, IpAddress, DateLessThan, Bool,
 * a policy variable in resources): every statement is evaluated on every request, as the evaluator always lists
 * all deciding statements. SPEC §11 target: under 2 µs per evaluation.
 *
 * <pre>
 * mvn -B -q -Pbench -pl core,bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar PolicyEvaluation -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PolicyEvaluationBenchmark {
    static final String ACCOUNT = "123456789012";

    static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Sid": "ListOverTls", "Effect": "Allow", "Action": "iam:List*", "Resource": "*",
                 "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
                {"Sid": "OwnKeysFromOffice", "Effect": "Allow", "Action": "iam:*AccessKey*",
                 "Resource": "arn:aws:iam::*:user/${aws:username}",
                 "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}}},
                {"Sid": "GetSelf", "Effect": "Allow", "Action": ["iam:GetUser", "iam:GetAccessKeyLastUsed"],
                 "Resource": "arn:aws:iam::*:user/${aws:username}"},
                {"Sid": "TeamMembers", "Effect": "Allow", "Action": ["iam:GetUser", "iam:ListAccessKeys"],
                 "Resource": "arn:aws:iam::123456789012:user/${aws:PrincipalTag/team}/*",
                 "Condition": {"StringEquals": {"aws:PrincipalAccount": "123456789012"}}},
                {"Sid": "CliOnlySts", "Effect": "Allow", "Action": "sts:*", "Resource": "*",
                 "Condition": {"StringLike": {"aws:UserAgent": ["aws-cli/*", "keywarden-sdk/*"]}}},
                {"Sid": "ReportsUntil2030", "Effect": "Allow",
                 "Action": ["iam:GenerateCredentialReport", "iam:GetCredentialReport"], "Resource": "*",
                 "Condition": {"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}},
                {"Sid": "DenyInsecure", "Effect": "Deny", "Action": "*", "Resource": "*",
                 "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
                {"Sid": "DenyAdmins", "Effect": "Deny", "Action": "iam:*",
                 "Resource": "arn:aws:iam::*:user/admin/*"},
                {"Sid": "DenyOtherAccounts", "Effect": "Deny", "Action": "iam:*", "Resource": "*",
                 "Condition": {"StringNotEquals": {"aws:PrincipalAccount": "123456789012"}}},
                {"Sid": "DenyAfterExpiry", "Effect": "Deny", "Action": "*", "Resource": "*",
                 "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"},
                               "StringLike": {"aws:username": "temp-*"}}}
              ]
            }""";

    private PolicyEvaluator evaluator;
    private List<CompiledPolicy> policies;
    private EvaluationRequest allowed;
    private EvaluationRequest explicitlyDenied;
    private EvaluationRequest implicitlyDenied;

    @Setup
    public void setUp() {
        evaluator = PolicyEvaluator.create();
        policies = List.of(CompiledPolicy.parse("SelfServiceWithGuardrails", POLICY));
        ConditionContext context = context();
        allowed = EvaluationRequest.of("iam:UpdateAccessKey", "arn:aws:iam::" + ACCOUNT + ":user/alice", context);
        explicitlyDenied = EvaluationRequest.of("iam:DeleteAccessKey",
                "arn:aws:iam::" + ACCOUNT + ":user/admin/root-ish", context);
        implicitlyDenied = EvaluationRequest.of("iam:UpdateAccessKey", "arn:aws:iam::" + ACCOUNT + ":user/bob",
                context);
        check(allowed, Decision.ALLOW);
        check(explicitlyDenied, Decision.EXPLICIT_DENY);
        check(implicitlyDenied, Decision.IMPLICIT_DENY);
    }

    static ConditionContext context() {
        return ConditionContext.builder()
                .put("aws:username", "alice")
                .put("aws:userid", "AIDAJQABLZS4A3QDU576Q")
                .put("aws:PrincipalAccount", ACCOUNT)
                .put("aws:PrincipalArn", "arn:aws:iam::" + ACCOUNT + ":user/alice")
                .put("aws:PrincipalTag/team", "payments")
                .put("aws:SourceIp", "203.0.113.7")
                .put("aws:SecureTransport", "true")
                .put("aws:CurrentTime", "2026-11-29T15:25:00Z")
                .put("aws:EpochTime", "1795965900")
                .put("aws:UserAgent", "aws-cli/2.9.19 Python/3.11.2 Linux/6.1.0 exe/x86_64.debian.12")
                .build();
    }

    private void check(EvaluationRequest request, Decision expected) {
        Evaluation evaluation = evaluator.evaluate(request, policies);
        if (evaluation.decision() != expected || !evaluation.errors().isEmpty()) {
            throw new IllegalStateException("benchmark set-up is wrong: " + evaluation);
        }
    }

    @Benchmark
    public Evaluation allowedRequest() {
        return evaluator.evaluate(allowed, policies);
    }

    @Benchmark
    public Evaluation explicitlyDeniedRequest() {
        return evaluator.evaluate(explicitlyDenied, policies);
    }

    @Benchmark
    public Evaluation implicitlyDeniedRequest() {
        return evaluator.evaluate(implicitlyDenied, policies);
    }

    /** The allowed request with its context built per call, as a server does for each request. */
    @Benchmark
    public Evaluation allowedRequestIncludingContextBuild() {
        return evaluator.evaluate(EvaluationRequest.of(allowed.action(), allowed.resource(), context()), policies);
    }
}
