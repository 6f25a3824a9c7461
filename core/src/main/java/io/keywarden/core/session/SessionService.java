package io.keywarden.core.session;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Principal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * GetSessionToken: temporary credentials that act as their caller (an IAM user or root) for a limited time. As AWS:
 * no permission is needed (it authenticates, it grants nothing); it must be called with long-term credentials; a
 * session lasts 900 to 129,600 seconds (12 hours unless asked), and a root session at most one hour (a longer
 * duration asked by root is silently cut to one hour, as AWS documents).
 *
 * <p>MFA: Keywarden has no MFA devices, so a {@code SerialNumber} or {@code TokenCode} can never be validated, and is
 * answered as AWS answers an MFA device that is not the caller's: {@code AccessDenied}.
 */
public final class SessionService {
    public static final int MIN_DURATION = 900;
    public static final int MAX_DURATION = 129_600;
    public static final int DEFAULT_DURATION = 43_200;
    public static final int ROOT_MAX_DURATION = 3_600;
    static final String WITH_SESSION = "Cannot call GetSessionToken with session credentials";
    static final String MFA_FAILED = "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify "
            + "your MFA serial number is valid and associated with this user.";

    private final SessionTokens tokens;

    public SessionService(SessionTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    public SessionTokens tokens() {
        return tokens;
    }

    /**
     * @param durationSeconds null for the default; its range (900 to 129,600) is the request's to check
     */
    public SessionTokens.Issued getSessionToken(Caller caller, Integer durationSeconds, String serialNumber,
                                                String tokenCode) {
        if (caller.temporary()) {
            throw KeywardenException.of(ErrorCode.ACCESS_DENIED, WITH_SESSION);
        }
        if (serialNumber != null || tokenCode != null) {
            throw KeywardenException.of(ErrorCode.ACCESS_DENIED, MFA_FAILED);
        }
        Principal p = caller.principal();
        if (!p.isRoot() && p.user().isEmpty()) {
            throw KeywardenException.of(ErrorCode.ACCESS_DENIED, WITH_SESSION); // no long-term key acts as a role
        }
        int seconds = durationSeconds == null ? DEFAULT_DURATION : durationSeconds;
        if (p.isRoot()) {
            seconds = Math.min(seconds, ROOT_MAX_DURATION);
        }
        return tokens.issue(SessionKind.SESSION_TOKEN, p, Duration.ofSeconds(seconds), null, null, List.of(),
                p.arn(), null);
    }
}
