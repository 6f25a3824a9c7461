package io.keywarden.core.policy.internal;

import io.keywarden.core.policy.ConditionContext;

import java.util.List;

/** A string that may hold policy variables (no wildcards), resolved against a request's context. */
public final class Template {
    private final String source;
    private final List<PolicyText.Token> tokens;
    private final String literal;

    private Template(String source, List<PolicyText.Token> tokens, String literal) {
        this.source = source;
        this.tokens = tokens;
        this.literal = literal;
    }

    public static Template compile(String text, boolean variables) {
        PolicyText.Parsed parsed = PolicyText.parse(text, variables, false);
        String literal = null;
        if (parsed.variables().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (PolicyText.Token token : parsed.tokens()) {
                sb.append(token.text());
            }
            literal = sb.toString();
        }
        return new Template(text, parsed.tokens(), literal);
    }

    public boolean hasVariables() {
        return literal == null;
    }

    /** The text after escapes, when there are no variables; else null. */
    public String literal() {
        return literal;
    }

    /** The resolved text, or null if a variable has no value. */
    public String resolve(ConditionContext context) {
        if (literal != null) {
            return literal;
        }
        StringBuilder sb = new StringBuilder();
        for (PolicyText.Token token : tokens) {
            if (token.kind() == PolicyText.Kind.VARIABLE) {
                String value = Variables.resolve(token.variable(), context);
                if (value == null) {
                    return null;
                }
                sb.append(value);
            } else {
                sb.append(token.text());
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
