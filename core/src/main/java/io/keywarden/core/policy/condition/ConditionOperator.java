package io.keywarden.core.policy.condition;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A condition operator of the IAM policy language, without set operator or {@code IfExists}. */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", Family.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, true),
    STRING_LIKE("StringLike", Family.STRING, false),
    STRING_NOT_LIKE("StringNotLike", Family.STRING, true),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, true),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, false),
    DATE_EQUALS("DateEquals", Family.DATE, false),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, true),
    DATE_LESS_THAN("DateLessThan", Family.DATE, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, false),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, false),
    BOOL("Bool", Family.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, false),
    IP_ADDRESS("IpAddress", Family.IP_ADDRESS, false),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP_ADDRESS, true),
    ARN_EQUALS("ArnEquals", Family.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true),
    ARN_LIKE("ArnLike", Family.ARN, false),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, true),
    NULL("Null", Family.NULL, false);

    /** The kind of value an operator compares. */
    public enum Family {
        STRING(true), NUMERIC(false), DATE(false), BOOL(true), BINARY(false), IP_ADDRESS(false), ARN(true),
        NULL(false);

        private final boolean variables;

        Family(boolean variables) {
            this.variables = variables;
        }

        /** Whether policy variables are substituted in values of this family (elsewhere they are literal). */
        public boolean allowsVariables() {
            return variables;
        }
    }

    private static final Map<String, ConditionOperator> BY_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(ConditionOperator::jsonName, Function.identity()));

    private final String jsonName;
    private final Family family;
    private final boolean negated;

    ConditionOperator(String jsonName, Family family, boolean negated) {
        this.jsonName = jsonName;
        this.family = family;
        this.negated = negated;
    }

    /** The name as written in a policy, e.g. {@code StringEquals}. */
    public String jsonName() {
        return jsonName;
    }

    public Family family() {
        return family;
    }

    /**
     * True for the negated operators ({@code StringNotEquals}, {@code NotIpAddress}, {@code ArnNotLike}, …): the
     * negation of their positive form, so true when the key is absent and false if any value matches.
     */
    public boolean negated() {
        return negated;
    }

    /** By exact name (names are case-sensitive). */
    public static Optional<ConditionOperator> fromJsonName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
