package io.keywarden.core.policy.condition;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.policy.ConditionContext;
import io.keywarden.core.policy.internal.ArnParts;
import io.keywarden.core.policy.internal.ArnPattern;
import io.keywarden.core.policy.internal.DateTimes;
import io.keywarden.core.policy.internal.Glob;
import io.keywarden.core.policy.internal.IpAddress;
import io.keywarden.core.policy.internal.IpRange;
import io.keywarden.core.policy.internal.PolicyText;
import io.keywarden.core.policy.internal.Template;
import io.keywarden.core.policy.internal.Variables;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One condition of a statement: an operator, a context key and the policy's values for it, e.g.
 * {@code "StringEquals": {"aws:username": ["alice", "bob"]}}. Its values are parsed once, when the policy is
 * parsed; {@link #evaluate} only reads the request's values.
 *
 * <p>Semantics, as AWS documents them: the values of one key are ORed (a negated operator is the negation of the
 * positive one, so NOR); a key absent from the request makes a positive operator false and a negated one true,
 * {@code …IfExists} makes it true, {@code ForAllValues:} true and {@code ForAnyValue:} false; {@code Null: true}
 * holds when the key is absent. A request value that cannot be read for the operator (not a number, not a date,
 * not an IP address, …) makes the condition {@link Truth#ERROR} and reports why: evaluation fails closed. A
 * policy variable with no value makes the value it is in match nothing; under a negated operator it makes the
 * condition false, so that a missing variable never widens what a statement covers.
 */
public final class Condition {
    private static final int MAX_NUMBER_LENGTH = 100;
    private static final int MAX_QUOTED_VALUE = 64;

    private final QualifiedOperator operator;
    private final String key;
    private final String normalizedKey;
    private final List<String> values;
    private final PolicyValues policyValues;

    private Condition(QualifiedOperator operator, String key, List<String> values, PolicyValues policyValues) {
        this.operator = operator;
        this.key = key;
        this.normalizedKey = key.toLowerCase(Locale.ROOT);
        this.values = values;
        this.policyValues = policyValues;
    }

    /**
     * A condition, its values checked and compiled.
     *
     * @param variables whether the policy's version substitutes policy variables
     * @throws KeywardenException {@link ErrorCode#MALFORMED_POLICY_DOCUMENT} if a value is not valid for the
     *                            operator, or there are none
     */
    public static Condition of(QualifiedOperator operator, String key, List<String> values, boolean variables) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        List<String> copy = List.copyOf(values);
        if (key.isEmpty()) {
            throw malformed("condition '" + operator + "' has an empty key");
        }
        if (copy.isEmpty()) {
            throw malformed("condition '" + operator + "' on key '" + key + "' has an empty list of values");
        }
        boolean substitute = variables && operator.operator().family().allowsVariables();
        String where = "condition '" + operator + "' on key '" + key + "'";
        PolicyValues compiled = switch (operator.operator().family()) {
            case STRING -> switch (operator.operator()) {
                case STRING_LIKE, STRING_NOT_LIKE -> LikeValues.compile(copy, substitute);
                case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE ->
                        StringValues.compile(copy, substitute, true);
                default -> StringValues.compile(copy, substitute, false);
            };
            case NUMERIC -> NumericValues.compile(copy, operator.operator(), where);
            case DATE -> DateValues.compile(copy, operator.operator(), where);
            case BOOL -> BoolValues.compile(copy, substitute, where);
            case BINARY -> BinaryValues.compile(copy, where);
            case IP_ADDRESS -> IpValues.compile(copy, where);
            case ARN -> ArnValues.compile(copy, substitute);
            case NULL -> NullValues.compile(copy, where);
        };
        return new Condition(operator, key, copy, compiled);
    }

    /** Parses the operator name too; see {@link #of(QualifiedOperator, String, List, boolean)}. */
    public static Condition of(String operator, String key, List<String> values, boolean variables) {
        return of(QualifiedOperator.parse(operator), key, values, variables);
    }

    public QualifiedOperator operator() {
        return operator;
    }

    /** The key as written in the policy. */
    public String key() {
        return key;
    }

    /** The values as written in the policy (numbers and booleans as their JSON text). */
    public List<String> values() {
        return values;
    }

    /**
     * Evaluates the condition against a request's context.
     *
     * @param errors receives a message for each request value that cannot be evaluated
     */
    public Truth evaluate(ConditionContext context, Consumer<String> errors) {
        List<String> actual = context.values(normalizedKey);
        ConditionOperator op = operator.operator();
        if (op == ConditionOperator.NULL) {
            return ((NullValues) policyValues).test(actual.isEmpty());
        }
        boolean negated = op.negated();
        if (actual.isEmpty()) {
            if (operator.ifExists()) {
                return Truth.TRUE;
            }
            return switch (operator.setOperator()) {
                case FOR_ALL_VALUES -> Truth.TRUE;
                case FOR_ANY_VALUE -> Truth.FALSE;
                case NONE -> Truth.of(negated && policyValues.resolvable(context));
            };
        }
        if (negated && !policyValues.resolvable(context)) {
            return Truth.FALSE;
        }
        switch (operator.setOperator()) {
            case NONE -> {
                Truth any = Truth.FALSE;
                for (String value : actual) {
                    Truth t = policyValues.anyMatches(value, context, this, errors);
                    if (t == Truth.TRUE) {
                        any = Truth.TRUE;
                        break;
                    }
                    if (t == Truth.ERROR) {
                        any = Truth.ERROR;
                    }
                }
                return negated ? any.not() : any;
            }
            case FOR_ANY_VALUE -> {
                Truth result = Truth.FALSE;
                for (String value : actual) {
                    Truth t = policyValues.anyMatches(value, context, this, errors);
                    t = negated ? t.not() : t;
                    if (t == Truth.TRUE) {
                        return Truth.TRUE;
                    }
                    if (t == Truth.ERROR) {
                        result = Truth.ERROR;
                    }
                }
                return result;
            }
            default -> {
                Truth result = Truth.TRUE;
                for (String value : actual) {
                    Truth t = policyValues.anyMatches(value, context, this, errors);
                    t = negated ? t.not() : t;
                    if (t == Truth.FALSE) {
                        return Truth.FALSE;
                    }
                    if (t == Truth.ERROR) {
                        result = Truth.ERROR;
                    }
                }
                return result;
            }
        }
    }

    private void reject(Consumer<String> errors, String requestValue, String what) {
        errors.accept("condition '" + operator + "' on key '" + key + "': request value '" + abbreviate(requestValue)
                + "' is not " + what);
    }

    private static String abbreviate(String value) {
        return value.length() <= MAX_QUOTED_VALUE ? value : value.substring(0, MAX_QUOTED_VALUE) + "…";
    }

    private static KeywardenException malformed(String message) {
        return new KeywardenException(ErrorCode.MALFORMED_POLICY_DOCUMENT, message);
    }

    @Override
    public String toString() {
        return "\"" + operator + "\": {\"" + key + "\": " + values + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Condition other && operator.equals(other.operator) && key.equals(other.key)
                && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operator, key, values);
    }

    // ---- the policy's values, per family, compiled --------------------------------------------------------

    private abstract static class PolicyValues {
        /** Whether one request value matches any of the policy's values (the positive operator). */
        abstract Truth anyMatches(String actual, ConditionContext context, Condition condition,
                                  Consumer<String> errors);

        /** False if a policy variable in any value has no value. */
        boolean resolvable(ConditionContext context) {
            return true;
        }
    }

    private static final class StringValues extends PolicyValues {
        private final Template[] templates;
        private final boolean ignoreCase;
        private final boolean hasVariables;

        private StringValues(Template[] templates, boolean ignoreCase) {
            this.templates = templates;
            this.ignoreCase = ignoreCase;
            this.hasVariables = Arrays.stream(templates).anyMatch(Template::hasVariables);
        }

        static StringValues compile(List<String> values, boolean variables, boolean ignoreCase) {
            return new StringValues(values.stream().map(v -> Template.compile(v, variables)).toArray(Template[]::new),
                    ignoreCase);
        }

        @Override
        Truth anyMatches(String actual, ConditionContext context, Condition condition, Consumer<String> errors) {
            for (Template template : templates) {
                String expected = template.resolve(context);
                if (expected != null && (ignoreCase ? actual.equalsIgnoreCase(expected) : actual.equals(expected))) {
                    return Truth.TRUE;
                }
            }
            return Truth.FALSE;
        }

        @Override
        boolean resolvable(ConditionContext context) {
            if (hasVariables) {
                for (Template template : templates) {
                    if (template.resolve(context) == null) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private static final class LikeValues extends PolicyValues {
        private final Glob[] globs;
        private final PolicyText.Variable[][] variables;
        private final boolean hasVariables;

        private LikeValues(Glob[] globs, PolicyText.Variable[][] variables) {
            this.globs = globs;
            this.variables = variables;
            this.hasVariables = Arrays.stream(variables).anyMatch(v -> v.length > 0);
        }

        static LikeValues compile(List<String> values, boolean substitute) {
            Glob[] globs = new Glob[values.size()];
            PolicyText.Variable[][] variables = new PolicyText.Variable[values.size()][];
            for (int i = 0; i < globs.length; i++) {
                PolicyText.Parsed parsed = PolicyText.parse(values.get(i), substitute, true);
                globs[i] = Glob.compile(parsed.tokens(), values.get(i));
                variables[i] = parsed.variables().toArray(new PolicyText.Variable[0]);
            }
            return new LikeValues(globs, variables);
        }

        @Override
        Truth anyMatches(String actual, ConditionContext context, Condition condition, Consumer<String> errors) {
            for (int i = 0; i < globs.length; i++) {
                String[] resolved = Variables.resolveAll(variables[i], context);
                if (resolved != null && globs[i].matches(actual, 0, actual.length(), resolved)) {
                    return Truth.TRUE;
                }
            }
            return Truth.FALSE;
        }

        @Override
        boolean resolvable(ConditionContext context) {
            if (hasVariables) {
                for (PolicyText.Variable[] vars : variables) {
                    if (Variables.resolveAll(vars, context) == null) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** Compares with {@code compareTo}: which signs of {@code actual.compareTo(policy)} mean a match. */
    private enum Comparison {
        EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL;

        static Comparison of(ConditionOperator operator) {
            return switch (operator) {
                case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS, DATE_EQUALS, DATE_NOT_EQUALS -> EQUAL;
                case NUMERIC_LESS_THAN, DATE_LESS_THAN -> LESS;
                case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> LESS_OR_EQUAL;
                case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> GREATER;
                case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> GREATER_OR_EQUAL;
                default -> throw new IllegalArgumentException(operator + " does not compare");
            };
        }

        boolean holds(int cmp) {
            return switch (this) {
                case EQUAL -> cmp == 0;
                case LESS -> cmp < 0;
                case LESS_OR_EQUAL -> cmp <= 0;
                case GREATER -> cmp > 0;
                case GREATER_OR_EQUAL -> cmp >= 0;
            };
        }
    }

    static BigDecimal parseNumber(String text) {
        if (text.isEmpty() || text.length() > MAX_NUMBER_LENGTH) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final class NumericValues extends PolicyValues {
        private final BigDecimal[] numbers;
        private final Comparison comparison;

        private NumericValues(BigDecimal[] numbers, Comparison comparison) {
            this.numbers = numbers;
            this.comparison = comparison;
        }

        static NumericValues compile(List<String> values, ConditionOperator operator, String where) {
            BigDecimal[] numbers = new BigDecimal[values.size()];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = parseNumber(values.get(i));
                if (numbers[i] == null) {
                    throw malformed(where + ": '" + values.get(i) + "' is not a number");
                }
            }
            return new NumericValues(numbers, Comparison.of(operator));
        }

        @Override
        Truth anyMatches(String actual, ConditionContext context, Condition condition, Consumer<String> errors) {
            BigDecimal number = parseNumber(actual);
            if (number == null) {
                condition.reject(errors, actual, "a number");
                return Truth.ERROR;
            }
            for (BigDecimal expected : numbers) {
                if (comparison.holds(number.compareTo(expected))) {
                    return Truth.TRUE;
                }
            }
            return Truth.FALSE;
        }
    }

    private static final class DateValues extends PolicyValues {
        private final Instant[] dates;
        private final Comparison comparison;

        private DateValues(Instant[] dates, Comparison comparison) {
            this.dates = dates;
            this.comparison = comparison;
        }

        static DateValues compile(List<String> values, ConditionOperator operator, String where) {
            Instant[] dates = new Instant[values.size()];
            for (int i = 0; i < dates.length; i++) {
                dates[i] = DateTimes.parse(values.get(i));
                if (dates[i] == null) {
                    throw malformed(where + ": '" + values.get(i)
                            + "' is not a date (ISO 8601, e.g. 2025-01-31T12:00:00Z, or epoch seconds)");
                }
            }
            return new DateValues(dates, Comparison.of(operator));
        }

        @Override
        Truth anyMatches(String actual, ConditionContext context, Condition condition, Consumer<String> errors) {
            Instant date = DateTimes.parse(actual);
            if (date == null) {
                condition.reject(errors, actual, "a date");
                return Truth.ERROR;
            }
            for (Instant expected : dates) {
                if (comparison.holds(date.compareTo(expected))) {
                    return Truth.TRUE;
                }
            }
            return Truth.FALSE;
        }
    }

    static Boolean parseBoolean(String text) {
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text)) {
            return Boolean.FALSE;
        }
        return null;
    }

    private static final class BoolValues extends PolicyValues {
        private final Template[] templates;
        private final boolean hasVariables;

        private BoolValues(Template[] templates) {
            this.templates = templates;
            this.hasVariables = Arrays.stream(templates).anyMatch(Template::hasVariables);
        }

        static BoolValues compile(List<String> values, boolean variables, String where) {
            Template[] templates = new Template[values.size()];
            for (int i = 0; i < templates.length; i++) {
                templates[i] = Template.compile(values.get(i), variables);
                if (!templates[i].hasVariables() && parseBoolean(templates[i].literal()) == null) {
                    throw malformed(where + ": '" + values.get(i) + "' is not a boolean (true or false)");
                }
            }
            return new BoolValues(templates);
        }

        @Override
        Truth anyMatches(String actual, ConditionContext context, Condition condition, Consumer<String> errors) {
            Boolean value = parseBoolean(actual);
            if (value == null) {
                condition.reject(errors, actual, "a boolean");
                return Truth.ERROR;
            }
            Truth result = Truth.FALSE;
            for (Template template : templates) {
                String resolved = template.resolve(context);
                if (resolved == null) {
                    continue;
                }
                Boolean expected = parseBoolean(resolved);
                if (expected == null) {
                    errors.accept("condition '" + condition.operator + "' on key '" + condition.key
                            + "': policy value '" + template + "' resolves to '" + abbreviate(resolved)
                            + "', which is not a boolean");
                    result = Truth.ERROR;
                } else if (expected.equals(value)) {
                    return Truth.TRUE;
                }
            }
            return result;
        }

        @Override
        boolean resolvable(ConditionContext context) {
            if (hasVariables) {
                for (Template template : templates) {
                    if (template.resolve(context) == null) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private static final class BinaryValues extends PolicyValues {
        private final byte[][] expected;

        private BinaryValues(byte[][] expected) {
            this.expected = expected;
        }

        static BinaryValues compile(List<String> values, String where) {
            byte[][] expected = new byte[values.size()][];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = decode(values.get(i));
                if (expected[i] == null) {
                    throw malformed(where + ": '" + values.get(i) + "' is not base64");
                }
            }
            return new BinaryValues(expected);
        }

        private static byte[] decode(String text) {
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        Truth anyMatches(String actual, ConditionContext context, Condition condition, Consumer<String> errors) {
            byte[] bytes = decode(actual);
            if (bytes == null) {
                condition.reject(errors, actual, "base64");
                return Truth.ERROR;
            }
            for (byte[] candidate : expected) {
                if (Arrays.equals(bytes, candidate)) {
                    return Truth.TRUE;
                }
            }
            return Truth.FALSE;
        }
    }

    private static final class IpValues extends PolicyValues {
        private final IpRange[] ranges;

        private IpValues(IpRange[] ranges) {
            this.ranges = ranges;
        }

        static IpValues compile(List<String> values, String where) {
            IpRange[] ranges = new IpRange[values.size()];
            for (int i = 0; i < ranges.length; i++) {
                ranges[i] = IpRange.parse(values.get(i));
                if (ranges[i] == null) {
                    throw malformed(where + ": '" + values.get(i)
                            + "' is not an IP address or CIDR block (e.g. 203.0.113.0/24 or 2001:db8::/32)");
                }
            }
            return new IpValues(ranges);
        }

        @Override
        Truth anyMatches(String actual, ConditionContext context, Condition condition, Consumer<String> errors) {
            IpAddress address = IpAddress.parse(actual);
            if (address == null) {
                condition.reject(errors, actual, "an IP address");
                return Truth.ERROR;
            }
            for (IpRange range : ranges) {
                if (range.contains(address)) {
                    return Truth.TRUE;
                }
            }
            return Truth.FALSE;
        }
    }

    private static final class ArnValues extends PolicyValues {
        private final ArnPattern[] patterns;
        private final boolean hasVariables;

        private ArnValues(ArnPattern[] patterns) {
            this.patterns = patterns;
            this.hasVariables = Arrays.stream(patterns).anyMatch(ArnPattern::hasVariables);
        }

        static ArnValues compile(List<String> values, boolean variables) {
            return new ArnValues(values.stream().map(v -> ArnPattern.compile(v, variables))
                    .toArray(ArnPattern[]::new));
        }

        @Override
        Truth anyMatches(String actual, ConditionContext context, Condition condition, Consumer<String> errors) {
            ArnParts parts = ArnParts.of(actual);
            for (ArnPattern pattern : patterns) {
                if (pattern.match(parts, context) == ArnPattern.MATCH) {
                    return Truth.TRUE;
                }
            }
            return Truth.FALSE;
        }

        @Override
        boolean resolvable(ConditionContext context) {
            if (hasVariables) {
                ArnParts empty = ArnParts.of("");
                for (ArnPattern pattern : patterns) {
                    if (pattern.match(empty, context) == ArnPattern.UNRESOLVED) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private static final class NullValues extends PolicyValues {
        private final boolean[] expectAbsent;

        private NullValues(boolean[] expectAbsent) {
            this.expectAbsent = expectAbsent;
        }

        static NullValues compile(List<String> values, String where) {
            boolean[] expectAbsent = new boolean[values.size()];
            for (int i = 0; i < expectAbsent.length; i++) {
                Boolean b = parseBoolean(values.get(i));
                if (b == null) {
                    throw malformed(where + ": '" + values.get(i) + "' is not a boolean (true or false)");
                }
                expectAbsent[i] = b;
            }
            return new NullValues(expectAbsent);
        }

        Truth test(boolean absent) {
            for (boolean expected : expectAbsent) {
                if (expected == absent) {
                    return Truth.TRUE;
                }
            }
            return Truth.FALSE;
        }

        @Override
        Truth anyMatches(String actual, ConditionContext context, Condition condition, Consumer<String> errors) {
            throw new UnsupportedOperationException("Null is evaluated on presence");
        }
    }
}
