package io.keywarden.core.permissions;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.AuthorizationRequest;
import io.keywarden.core.authz.AuthorizationResult;
import io.keywarden.core.authz.Decision;
import io.keywarden.core.session.Session;
import io.keywarden.core.session.SessionKind;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * AWS's fixed limits of GetSessionToken credentials, which no policy can lift: without MFA they cannot call any IAM
 * action, and of the STS actions they can call only {@code AssumeRole} (and GetCallerIdentity, which is never
 * authorised). Keywarden has no MFA devices, so every GetSessionToken session is without MFA: it may call
 * GetCallerIdentity, AssumeRole and what its user's policies allow among Keywarden's own actions
 * ({@code keywarden:*}). The one place this rule lives; {@link PolicyAuthorizer} applies it before any policy.
 */
public final class SessionRules {
    static final String NO_IAM = "credentials from GetSessionToken cannot call IAM actions without MFA, and "
            + "Keywarden has no MFA devices";
    static final String ONLY_ASSUME_ROLE = "credentials from GetSessionToken can call no STS action but AssumeRole "
            + "and GetCallerIdentity";

    private SessionRules() {
    }

    /** The denial these rules make of the request, or empty when they leave it to the policies. */
    public static Optional<AuthorizationResult> check(AuthorizationRequest request) {
        Caller caller = request.caller();
        Session session = caller.session();
        if (session == null || session.kind() != SessionKind.SESSION_TOKEN) {
            return Optional.empty();
        }
        String action = request.action().toLowerCase(Locale.ROOT);
        if (action.startsWith("iam:")) {
            return Optional.of(deny(NO_IAM));
        }
        if (action.startsWith("sts:") && !action.equals("sts:assumerole")) {
            return Optional.of(deny(ONLY_ASSUME_ROLE));
        }
        return Optional.empty();
    }

    private static AuthorizationResult deny(String why) {
        return new AuthorizationResult(Decision.EXPLICIT_DENY, why, List.of(), List.of());
    }
}
