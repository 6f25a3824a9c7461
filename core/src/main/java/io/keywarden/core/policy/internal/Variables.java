package io.keywarden.core.policy.internal;

import io.keywarden.core.policy.ConditionContext;

import java.util.List;

/** Resolves policy variables from the request's context. */
public final class Variables {
    private static final String[] NONE = new String[0];

    private Variables() {
    }

    /**
     * The value of one variable: the key's value when it has exactly one, else the variable's default, else null
     * (the variable has no value, and whatever uses it does not match).
     */
    public static String resolve(PolicyText.Variable variable, ConditionContext context) {
        List<String> values = context.values(variable.key());
        if (values.size() == 1) {
            return values.get(0);
        }
        return variable.defaultValue();
    }

    /** The values of all variables, by index, or null if any has no value. */
    public static String[] resolveAll(PolicyText.Variable[] variables, ConditionContext context) {
        if (variables.length == 0) {
            return NONE;
        }
        String[] values = new String[variables.length];
        for (int i = 0; i < variables.length; i++) {
            String value = resolve(variables[i], context);
            if (value == null) {
                return null;
            }
            values[i] = value;
        }
        return values;
    }
}
