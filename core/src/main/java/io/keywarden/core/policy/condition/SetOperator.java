package io.keywarden.core.policy.condition;

/** The set operator before a condition operator, for keys with several values. */
public enum SetOperator {
    /** No prefix: true if any request value matches any policy value (negated operators: if none does). */
    NONE(""),
    /** {@code ForAnyValue:} true if at least one request value passes; false when the key is absent. */
    FOR_ANY_VALUE("ForAnyValue:"),
    /** {@code ForAllValues:} true if every request value passes; true when the key is absent. */
    FOR_ALL_VALUES("ForAllValues:");

    private final String prefix;

    SetOperator(String prefix) {
        this.prefix = prefix;
    }

    /** As written before the operator, with its colon; empty for {@link #NONE}. */
    public String prefix() {
        return prefix;
    }
}
