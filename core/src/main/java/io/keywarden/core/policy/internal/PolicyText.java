package io.keywarden.core.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a policy string (a resource, or a condition value) into literal text, wildcards and policy variables.
 *
 * <p>Policy variables are {@code ${key}} or {@code ${key, 'default'}}; {@code ${*}}, {@code ${?}} and {@code ${$}}
 * stand for a literal {@code *}, {@code ?} and {@code $}. Anything else that starts with {@code ${} but is not of
 * that form is literal text. When variables are off (policy version 2008-10-17) the whole string is literal, apart
 * from wildcards.
 */
public final class PolicyText {
    /** What a token is. */
    public enum Kind { LITERAL, STAR, ANY_CHAR, VARIABLE }

    /**
     * One token.
     *
     * @param text     the literal text ({@link Kind#LITERAL} only)
     * @param variable the variable ({@link Kind#VARIABLE} only)
     */
    public record Token(Kind kind, String text, Variable variable) {
        static final Token STAR = new Token(Kind.STAR, null, null);
        static final Token ANY_CHAR = new Token(Kind.ANY_CHAR, null, null);

        static Token literal(String text) {
            return new Token(Kind.LITERAL, text, null);
        }
    }

    /**
     * A policy variable.
     *
     * @param key          the context key, lower case (keys are case-insensitive)
     * @param defaultValue the value used when the key has no single value, or null
     * @param index        its position in {@link Parsed#variables()}
     */
    public record Variable(String key, String defaultValue, int index) {
    }

    /** The tokens of one string and the variables they use. */
    public record Parsed(List<Token> tokens, List<Variable> variables) {
        public Parsed {
            tokens = List.copyOf(tokens);
            variables = List.copyOf(variables);
        }
    }

    private PolicyText() {
    }

    public static Parsed parse(String text, boolean variables, boolean wildcards) {
        List<Token> tokens = new ArrayList<>();
        List<Variable> vars = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (wildcards && (c == '*' || c == '?')) {
                flush(literal, tokens);
                tokens.add(c == '*' ? Token.STAR : Token.ANY_CHAR);
                i++;
            } else if (variables && c == '$' && i + 1 < n && text.charAt(i + 1) == '{') {
                int end = closingBrace(text, i + 2);
                Variable variable = null;
                String escaped = null;
                if (end > 0) {
                    String body = text.substring(i + 2, end).trim();
                    if (body.equals("*") || body.equals("?") || body.equals("$")) {
                        escaped = body;
                    } else {
                        variable = variable(body, vars.size());
                    }
                }
                if (escaped != null) {
                    literal.append(escaped);
                    i = end + 1;
                } else if (variable != null) {
                    flush(literal, tokens);
                    vars.add(variable);
                    tokens.add(new Token(Kind.VARIABLE, null, variable));
                    i = end + 1;
                } else {
                    literal.append(c);
                    i++;
                }
            } else {
                literal.append(c);
                i++;
            }
        }
        flush(literal, tokens);
        return new Parsed(tokens, vars);
    }

    private static int closingBrace(String text, int from) {
        boolean quoted = false;
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return j;
            }
        }
        return -1;
    }

    private static Variable variable(String body, int index) {
        String name = body;
        String defaultValue = null;
        int comma = body.indexOf(',');
        if (comma >= 0) {
            name = body.substring(0, comma).trim();
            String rest = body.substring(comma + 1).trim();
            if (rest.length() < 2 || rest.charAt(0) != '\'' || rest.charAt(rest.length() - 1) != '\'') {
                return null;
            }
            defaultValue = rest.substring(1, rest.length() - 1);
            if (defaultValue.indexOf('\'') >= 0) {
                return null;
            }
        }
        if (name.isEmpty()) {
            return null;
        }
        for (int j = 0; j < name.length(); j++) {
            char c = name.charAt(j);
            if (c <= ' ' || c == '\'' || c == '$' || c == '{' || c == '}' || c == ',' || c == '*' || c == '?') {
                return null;
            }
        }
        return new Variable(name.toLowerCase(Locale.ROOT), defaultValue, index);
    }

    private static void flush(StringBuilder literal, List<Token> tokens) {
        if (literal.length() > 0) {
            tokens.add(Token.literal(literal.toString()));
            literal.setLength(0);
        }
    }
}
