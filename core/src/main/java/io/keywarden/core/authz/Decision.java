package io.keywarden.core.authz;

/** The outcome of authorising one request, as IAM names it. */
public enum Decision {
    /** An Allow statement matched and no Deny did. */
    ALLOW,
    /** A Deny statement matched (or the request could not be evaluated, which fails closed). */
    EXPLICIT_DENY,
    /** Nothing allowed the request. */
    IMPLICIT_DENY;

    public boolean allowed() {
        return this == ALLOW;
    }

    /** The decision as the REST API, the simulator and the decision log write it. */
    public String wireName() {
        return switch (this) {
            case ALLOW -> "Allow";
            case EXPLICIT_DENY -> "ExplicitDeny";
            case IMPLICIT_DENY -> "ImplicitDeny";
        };
    }
}
