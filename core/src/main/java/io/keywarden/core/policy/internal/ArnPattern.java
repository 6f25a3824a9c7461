package io.keywarden.core.policy.internal;

import io.keywarden.core.policy.ConditionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * An ARN pattern, matched part by part: the pattern and the ARN are each cut into six colon-separated parts and
 * each part of the pattern is a {@link Glob} over the same part of the ARN, so a wildcard does not cross a colon,
 * except in the last part (the resource part may hold colons). As AWS documents, a pattern with fewer than six
 * parts whose last part ends with {@code *} lets that star run to the end of the ARN: {@code arn:aws:iam::*}
 * matches every IAM ARN, and {@code *} matches everything. A pattern with fewer parts that does not end so matches
 * only strings with that many parts.
 */
public final class ArnPattern {
    /** {@link #match} results. */
    public static final int NO_MATCH = 0;
    public static final int MATCH = 1;
    /** A variable in the pattern has no value: the pattern applies to nothing. */
    public static final int UNRESOLVED = -1;

    private final String source;
    private final Glob[] parts;
    private final boolean expands;
    private final PolicyText.Variable[] variables;
    private final boolean matchesEverything;

    private ArnPattern(String source, Glob[] parts, PolicyText.Variable[] variables) {
        this.source = source;
        this.parts = parts;
        this.variables = variables;
        this.expands = parts.length < ArnParts.MAX_PARTS && parts[parts.length - 1].endsWithStar();
        this.matchesEverything = parts.length == 1 && parts[0].matchesEverything();
    }

    public static ArnPattern compile(String text, boolean variables) {
        PolicyText.Parsed parsed = PolicyText.parse(text, variables, true);
        List<List<PolicyText.Token>> split = new ArrayList<>();
        List<PolicyText.Token> current = new ArrayList<>();
        for (PolicyText.Token token : parsed.tokens()) {
            if (token.kind() != PolicyText.Kind.LITERAL || split.size() == ArnParts.MAX_PARTS - 1) {
                current.add(token);
                continue;
            }
            String literal = token.text();
            int from = 0;
            int colon;
            while (split.size() < ArnParts.MAX_PARTS - 1 && (colon = literal.indexOf(':', from)) >= 0) {
                if (colon > from) {
                    current.add(new PolicyText.Token(PolicyText.Kind.LITERAL, literal.substring(from, colon), null));
                }
                split.add(current);
                current = new ArrayList<>();
                from = colon + 1;
            }
            if (from < literal.length()) {
                current.add(new PolicyText.Token(PolicyText.Kind.LITERAL, literal.substring(from), null));
            }
        }
        split.add(current);
        Glob[] parts = new Glob[split.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = Glob.compile(split.get(i), text);
        }
        return new ArnPattern(text, parts, parsed.variables().toArray(new PolicyText.Variable[0]));
    }

    /** How many colon-separated parts the pattern has: 1 to 6. */
    public int partCount() {
        return parts.length;
    }

    /** True if the pattern's last part ends with {@code *} and it has fewer than six parts. */
    public boolean expands() {
        return expands;
    }

    /** True if a part holds a wildcard or a policy variable. */
    public boolean partIsVariable(int part) {
        return parts[part].hasWildcard() || parts[part].hasVariables();
    }

    public boolean partIsEmpty(int part) {
        return parts[part].isEmpty();
    }

    public boolean matchesEverything() {
        return matchesEverything;
    }

    public boolean hasVariables() {
        return variables.length > 0;
    }

    /** {@link #MATCH}, {@link #NO_MATCH} or {@link #UNRESOLVED}. */
    public int match(ArnParts arn, ConditionContext context) {
        if (matchesEverything) {
            return MATCH;
        }
        String[] values = Variables.resolveAll(variables, context);
        if (values == null) {
            return UNRESOLVED;
        }
        return matches(arn, values) ? MATCH : NO_MATCH;
    }

    private boolean matches(ArnParts arn, String[] values) {
        int k = parts.length;
        if (expands ? arn.count() < k : arn.count() != k) {
            return false;
        }
        String text = arn.text();
        for (int i = 0; i < k - 1; i++) {
            if (!parts[i].matches(text, arn.start(i), arn.end(i), values)) {
                return false;
            }
        }
        return parts[k - 1].matches(text, arn.start(k - 1), text.length(), values);
    }

    @Override
    public String toString() {
        return source;
    }
}
