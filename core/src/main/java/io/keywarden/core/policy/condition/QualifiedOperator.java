package io.keywarden.core.policy.condition;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;

import java.util.Objects;

/**
 * A condition operator as written in a policy: an optional set operator, the operator, and an optional
 * {@code IfExists}, e.g. {@code ForAnyValue:StringLikeIfExists}.
 */
public record QualifiedOperator(SetOperator setOperator, ConditionOperator operator, boolean ifExists) {
    private static final String IF_EXISTS = "IfExists";

    public QualifiedOperator {
        Objects.requireNonNull(setOperator, "setOperator");
        Objects.requireNonNull(operator, "operator");
        if (operator == ConditionOperator.NULL && ifExists) {
            throw malformed("'NullIfExists' is not a condition operator: IfExists cannot be used with Null");
        }
        if (operator == ConditionOperator.NULL && setOperator != SetOperator.NONE) {
            throw malformed("'" + setOperator.prefix() + "Null' is not a condition operator: "
                    + "ForAnyValue and ForAllValues cannot be used with Null");
        }
    }

    public static QualifiedOperator of(ConditionOperator operator) {
        return new QualifiedOperator(SetOperator.NONE, operator, false);
    }

    /**
     * Parses an operator name.
     *
     * @throws KeywardenException {@link ErrorCode#MALFORMED_POLICY_DOCUMENT} if it is not an operator
     */
    public static QualifiedOperator parse(String name) {
        String rest = name;
        SetOperator set = SetOperator.NONE;
        for (SetOperator candidate : SetOperator.values()) {
            if (candidate != SetOperator.NONE && rest.startsWith(candidate.prefix())) {
                set = candidate;
                rest = rest.substring(candidate.prefix().length());
                break;
            }
        }
        boolean ifExists = false;
        if (rest.endsWith(IF_EXISTS)) {
            ifExists = true;
            rest = rest.substring(0, rest.length() - IF_EXISTS.length());
        }
        ConditionOperator operator = ConditionOperator.fromJsonName(rest)
                .orElseThrow(() -> malformed("unknown condition operator '" + name + "'"));
        return new QualifiedOperator(set, operator, ifExists);
    }

    private static KeywardenException malformed(String message) {
        return new KeywardenException(ErrorCode.MALFORMED_POLICY_DOCUMENT, message);
    }

    /** As written in a policy, e.g. {@code ForAllValues:StringEqualsIfExists}. */
    @Override
    public String toString() {
        return setOperator.prefix() + operator.jsonName() + (ifExists ? IF_EXISTS : "");
    }
}
