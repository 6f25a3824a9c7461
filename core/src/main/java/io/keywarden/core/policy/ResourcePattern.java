package io.keywarden.core.policy;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.policy.internal.ArnParts;
import io.keywarden.core.policy.internal.ArnPattern;

import java.util.Objects;

/**
 * An entry of {@code Resource} or {@code NotResource}: {@code *}, or an ARN pattern matched case-sensitively part by
 * part, where {@code *} and {@code ?} work within a part ({@code *} may span {@code /}) and policy variables
 * (version 2012-10-17) are substituted literally. Wildcards are not allowed in the service part. See
 * {@link ArnPattern} for the exact rules.
 */
public final class ResourcePattern {
    private static final int SERVICE = 2;

    private final String text;
    private final ArnPattern pattern;

    private ResourcePattern(String text, ArnPattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /**
     * Parses a resource pattern.
     *
     * @param variables whether policy variables are substituted (policy version 2012-10-17)
     * @throws KeywardenException {@link ErrorCode#MALFORMED_POLICY_DOCUMENT} if it is not {@code *} or an ARN
     */
    public static ResourcePattern parse(String text, boolean variables) {
        Objects.requireNonNull(text, "text");
        ArnPattern pattern = ArnPattern.compile(text, variables);
        if (text.equals("*")) {
            return new ResourcePattern(text, pattern);
        }
        if (!text.startsWith("arn:")) {
            throw malformed("resource '" + text + "' must be an ARN (arn:partition:service:region:account:resource)"
                    + " or '*'");
        }
        int parts = pattern.partCount();
        if (parts <= SERVICE) {
            if (pattern.expands()) {
                throw malformed("resource '" + text + "' has a wildcard in its service part");
            }
            throw malformed("resource '" + text + "' must have six parts (arn:partition:service:region:account:"
                    + "resource)");
        }
        if (pattern.partIsVariable(SERVICE)) {
            throw malformed("resource '" + text + "' has a wildcard in its service part");
        }
        if (pattern.partIsEmpty(SERVICE)) {
            throw malformed("resource '" + text + "' has an empty service part");
        }
        if (parts < ArnParts.MAX_PARTS && !pattern.expands()) {
            throw malformed("resource '" + text + "' must have six parts (arn:partition:service:region:account:"
                    + "resource)");
        }
        return new ResourcePattern(text, pattern);
    }

    private static KeywardenException malformed(String message) {
        return new KeywardenException(ErrorCode.MALFORMED_POLICY_DOCUMENT, message);
    }

    /** The pattern as written. */
    public String text() {
        return text;
    }

    public boolean hasVariables() {
        return pattern.hasVariables();
    }

    /** Whether the resource matches; a policy variable with no value in the context matches nothing. */
    public boolean matches(String resource, ConditionContext context) {
        return match(ArnParts.of(resource), context) == ArnPattern.MATCH;
    }

    /** {@link ArnPattern#MATCH}, {@link ArnPattern#NO_MATCH} or {@link ArnPattern#UNRESOLVED}. */
    int match(ArnParts resource, ConditionContext context) {
        return pattern.match(resource, context);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourcePattern other && text.equals(other.text) && pattern.hasVariables() == other.hasVariables();
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
