package io.keywarden.core.policy;

import java.util.Objects;

/**
 * What is asked: may this action be performed on this resource, in this context?
 *
 * @param action   {@code service:Action}, e.g. {@code iam:CreateAccessKey}
 * @param resource the target's ARN, e.g. {@code arn:aws:iam::123456789012:user/alice}, or {@code *}
 * @param context  the condition keys of the request, which also supply policy variables
 */
public record EvaluationRequest(String action, String resource, ConditionContext context) {
    public EvaluationRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(context, "context");
        if (action.isEmpty()) {
            throw new IllegalArgumentException("action must not be empty");
        }
    }

    public static EvaluationRequest of(String action, String resource, ConditionContext context) {
        return new EvaluationRequest(action, resource, context);
    }

    /** A request with an empty context. */
    public static EvaluationRequest of(String action, String resource) {
        return new EvaluationRequest(action, resource, ConditionContext.empty());
    }
}
