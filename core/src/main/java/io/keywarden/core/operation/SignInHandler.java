package io.keywarden.core.operation;

import io.keywarden.core.auth.Caller;

import java.util.Objects;

/**
 * Performs a sign-in operation ({@link Operation.Authentication#SIGN_IN}): authenticates the requester itself and
 * returns what it signed in, or throws a {@link io.keywarden.core.error.SignInRefused} (the same answer whatever the
 * reason).
 */
@FunctionalInterface
public interface SignInHandler<Q extends Record, R extends Record> {
    R signIn(Requester requester, Q request);

    /**
     * Who attempts a sign-in, as far as the face knows before the operation runs.
     *
     * @param signedBy         the caller whose SigV4 signature was verified; null for an unsigned request (a password)
     *                         or one whose signature was refused
     * @param signatureRefused why the request's signature was refused (for the decision log only); null when it was
     *                         not signed or its signature holds
     * @param sourceIp         the client's address (behind a trusted proxy, the address the proxy reported)
     * @param userAgent        its {@code User-Agent}
     */
    record Requester(Caller signedBy, String signatureRefused, String sourceIp, String userAgent) {
        public Requester {
            if (signedBy != null && signatureRefused != null) {
                throw new IllegalArgumentException("a request is either signed or refused, not both");
            }
            sourceIp = sourceIp == null ? "" : sourceIp;
            userAgent = userAgent == null ? "" : userAgent;
        }

        /** An unsigned request from this address. */
        public static Requester unsigned(String sourceIp, String userAgent) {
            return new Requester(null, null, sourceIp, userAgent);
        }

        /** A request signed by {@code caller}. */
        public static Requester signed(Caller caller) {
            Objects.requireNonNull(caller, "caller");
            return new Requester(caller, null, caller.sourceIp(), caller.userAgent());
        }
    }
}
