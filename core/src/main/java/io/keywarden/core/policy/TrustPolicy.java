package io.keywarden.core.policy;

import io.keywarden.core.policy.internal.Glob;

import java.util.List;
import java.util.Objects;

/**
 * A role's trust policy ({@code AssumeRolePolicyDocument}), parsed and checked ({@link PolicyDocument#parseTrust}),
 * and its evaluation: may this principal perform {@code sts:AssumeRole} (or {@code sts:SetSourceIdentity},
 * {@code sts:TagSession}) on the role? The statements decide as in an identity-based policy (an applicable Deny denies
 * explicitly, else an applicable Allow allows, else an implicit deny), a statement applying when its action, its
 * {@code Principal} ({@link PrincipalPattern#matches}) and its conditions match. Pure, immutable and thread-safe;
 * fails closed as {@link PolicyEvaluator} does.
 */
public final class TrustPolicy {
    /** The name its statements are reported under. */
    public static final String NAME = "AssumeRolePolicyDocument";

    private final CompiledPolicy compiled;

    private TrustPolicy(PolicyDocument document) {
        this.compiled = CompiledPolicy.of(NAME, document);
    }

    /**
     * Parses and checks a trust policy.
     *
     * @throws io.keywarden.core.error.KeywardenException {@code MALFORMED_POLICY_DOCUMENT} saying what is wrong
     */
    public static TrustPolicy parse(String json) {
        return new TrustPolicy(PolicyDocument.parseTrust(json));
    }

    public PolicyDocument document() {
        return compiled.document();
    }

    /** The decision, with the statements that made it and any evaluation errors; the resource is the role's ARN. */
    public Evaluation evaluate(TrustRequest request) {
        Objects.requireNonNull(request, "request");
        String foldedAction = Glob.fold(request.action());
        return PolicyEvaluator.decide(List.of(compiled), request.action(), request.roleArn(),
                (statement, errors) -> statement.evaluateTrust(foldedAction, request, errors));
    }

    @Override
    public String toString() {
        return compiled.document().json();
    }
}
